//! Human-readable summaries of answers, in Japanese or English.

mod availability;
mod cascade;
mod classification;
mod lifecycle;
mod precheck;
mod registration;
mod sample;
mod selection;

use shinrai_domain::Answer;
use shinrai_domain::text::Lang;

pub fn render(answer: &Answer, lang: Lang) -> String {
    let mut out = Text::new(lang);
    match answer {
        Answer::Classification(answer) => classification::render(answer, &mut out),
        Answer::Registration(answer) => registration::render(answer, &mut out),
        Answer::Cascade(answer) => cascade::render(answer, &mut out),
        Answer::Sample(answer) => sample::render(answer, &mut out),
        Answer::Availability(answer) => availability::render(answer, &mut out),
        Answer::Precheck(answer) => precheck::render(answer, &mut out),
        Answer::Selection(answer) => selection::render(answer, &mut out),
        Answer::Lifecycle(answer) => lifecycle::render(answer, &mut out),
    }
    out.finish()
}

/// A summary being written line by line in one language.
struct Text {
    lang: Lang,
    buffer: String,
}

impl Text {
    fn new(lang: Lang) -> Text {
        Text {
            lang,
            buffer: String::new(),
        }
    }

    /// Picks the wording for the summary's language.
    fn pick<'a>(&self, ja: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    fn line(&mut self, text: impl AsRef<str>) {
        self.buffer.push_str(text.as_ref());
        self.buffer.push('\n');
    }

    /// A label and a value, aligned the way the language expects.
    fn field(&mut self, ja: &str, en: &str, value: impl AsRef<str>) {
        let label = self.pick(ja, en);
        let separator = self.pick("：", ": ");
        self.line(format!("{label}{separator}{}", value.as_ref()));
    }

    fn finish(self) -> String {
        self.buffer
    }
}

/// `4464000` → `4,464,000`.
fn grouped(number: u64) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Two decimals, as availability figures are usually quoted.
fn percent(value: f64) -> String {
    format!("{value:.2} %")
}

/// A list of ids for one line; a dash when empty.
fn list(items: &[String]) -> String {
    if items.is_empty() {
        "—".to_owned()
    } else {
        items.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(4_464_000), "4,464,000");
        assert_eq!(percent(99.989_247_311_827_96), "99.99 %");
    }
}
