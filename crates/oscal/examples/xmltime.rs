#![allow(clippy::unwrap_used, clippy::print_stdout, clippy::disallowed_methods)]
use std::time::Instant;
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    for _ in 0..5 {
        let t = Instant::now();
        let mut tokens = 0;
        let mut tk = shinrai_oscal::xml::tree::parse(&text).unwrap();
        tokens += tk.children.len();
        tk.children.clear();
        let a = t.elapsed();
        let t = Instant::now();
        let j = shinrai_oscal::xml::xml_to_json_text(&text).unwrap();
        let b = t.elapsed();
        let t = Instant::now();
        let d: shinrai_oscal::model::RootObject = serde_json::from_slice(&j).unwrap();
        let c = t.elapsed();
        let t = Instant::now();
        let mut r = quick_xml::NsReader::from_str(&text);
        let mut n = 0usize;
        loop {
            match r.read_resolved_event() {
                Ok((_, quick_xml::events::Event::Eof)) => break,
                Ok((_, quick_xml::events::Event::Start(s))) => {
                    n += s.attributes().count();
                }
                Ok(_) => n += 1,
                Err(_) => break,
            }
        }
        let f = t.elapsed();
        let t = Instant::now();
        let mut r = quick_xml::Reader::from_str(&text);
        loop {
            match r.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => n += 1,
                Err(_) => break,
            }
        }
        let g = t.elapsed();
        println!("raw-ns {f:?} raw {g:?} {n}");
        println!(
            "tree {a:?} json-text {b:?} typed {c:?} {tokens} {}",
            d.catalog.is_some()
        );
    }
}
