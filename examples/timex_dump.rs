use storyline::time::{reference_date, tag};
use storyline::Span;
fn main() {
    for p in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&p).unwrap();
        let r = reference_date(&text);
        println!("== {p} ref {r:?}");
        for m in tag(&text, Span::new(0, text.len()), r) {
            let s = m.span.start.saturating_sub(30);
            let mut s2 = s;
            while !text.is_char_boundary(s2) {
                s2 += 1;
            }
            println!(
                "{:<28} {:<9} {:<16} | {}",
                format!("{:?}", m.span.of(&text)),
                m.kind.as_str(),
                m.value,
                text[s2..m.span.end].replace('\n', " ")
            );
        }
    }
}
