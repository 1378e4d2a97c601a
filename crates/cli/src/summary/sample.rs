use shinrai_domain::sampling::Sample;

use super::{Text, grouped};

pub(super) fn render(answer: &Sample, out: &mut Text) {
    out.field(
        "サンプル数",
        "Sample size",
        format!(
            "{} / {} ({})",
            grouped(answer.sample_size),
            grouped(answer.population),
            answer.frequency.name()
        ),
    );
    let items: Vec<String> = answer.items.iter().map(u64::to_string).collect();
    out.field(
        "抽出した回",
        "Occurrences to test",
        if items.is_empty() {
            "—".to_owned()
        } else {
            items.join(", ")
        },
    );
}
