//! A line-by-line difference between an expected and an actual outline, for failure messages.

/// `None` when the lines are the same; otherwise every line, marked `-` when only expected, `+`
/// when only actual, by a longest common subsequence (the outlines are small).
pub fn line_diff(expected: &[String], actual: &[String]) -> Option<String> {
    if expected == actual {
        return None;
    }
    let (rows, columns) = (expected.len(), actual.len());
    // common[i][j]: the length of the longest common subsequence of expected[i..] and actual[j..].
    let mut common = vec![vec![0usize; columns + 1]; rows + 1];
    for i in (0..rows).rev() {
        for j in (0..columns).rev() {
            common[i][j] = if expected[i] == actual[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < rows || j < columns {
        if i < rows && j < columns && expected[i] == actual[j] {
            out.push(format!("  {}", expected[i]));
            i += 1;
            j += 1;
        } else if j < columns && (i == rows || common[i][j + 1] >= common[i + 1][j]) {
            out.push(format!("+ {}", actual[j]));
            j += 1;
        } else {
            out.push(format!("- {}", expected[i]));
            i += 1;
        }
    }
    Some(out.join("\n"))
}

#[test]
fn differences_are_marked_by_side() {
    let lines = |text: &str| -> Vec<String> { text.split(' ').map(str::to_owned).collect() };
    assert_eq!(line_diff(&lines("a b"), &lines("a b")), None);
    assert_eq!(
        line_diff(&lines("a b c"), &lines("a x c")).as_deref(),
        Some("  a\n+ x\n- b\n  c")
    );
}
