#![allow(clippy::unwrap_used, clippy::print_stdout, clippy::disallowed_methods)]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let mut n = 0;
    for _ in 0..3 {
        n += shinrai_oscal::xml::xml_to_json_text(&text).unwrap().len();
    }
    println!("{n}");
}
