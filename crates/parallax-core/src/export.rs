//! Tables as files: CSV (RFC 4180, safe to open in a spreadsheet) and JSON (with the corpus
//! version and the link of the view the table came from), plus the escaping SVG files need.

use std::fmt::Write;

/// One cell of an exported table.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

impl From<crate::stance::Sym> for Value {
    fn from(s: crate::stance::Sym) -> Value {
        Value::Text(s.into())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Value {
        Value::Int(i64::from(n))
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Value {
        Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// A table to download: a name (used for the file name), column headers and rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Short name, also the file's stem (`coverage-matrix`).
    pub name: String,
    /// Column headers.
    pub columns: Vec<String>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<Value>>,
}

/// Quotes a CSV field when it needs it. A text starting with `=`, `+`, `-`, `@` or a tab would be
/// read as a formula by spreadsheets (CSV injection); it gets a leading apostrophe.
fn csv_field(v: &Value, out: &mut String) {
    let text = match v {
        Value::Int(n) => {
            let _ = write!(out, "{n}");
            return;
        }
        Value::Text(t) => t,
    };
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula || text.contains([',', '"', '\n', '\r']) || text.trim() != text;
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// Appends `s` as a JSON string literal.
pub fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Line and paragraph separators and `<` are escaped so the file is safe to embed.
            c if (c as u32) < 0x20 || matches!(c, '\u{2028}' | '\u{2029}' | '<') => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Table {
    /// CSV with a header row and CRLF line ends, as RFC 4180 has it. Starts with a byte-order
    /// mark so that spreadsheets read the text as UTF-8.
    pub fn csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        let header: Vec<Value> = self
            .columns
            .iter()
            .map(|c| Value::from(c.as_str()))
            .collect();
        for row in std::iter::once(&header).chain(&self.rows) {
            for (i, v) in row.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                csv_field(v, &mut out);
            }
            out.push_str("\r\n");
        }
        out
    }

    /// JSON: `{"table", "corpus", "corpus_version", "view", "columns", "rows": [{column: value}]}`.
    pub fn json(&self, corpus_name: &str, corpus_version: &str, view: &str) -> String {
        let mut out = String::from("{\n  \"table\": ");
        json_string(&self.name, &mut out);
        out.push_str(",\n  \"corpus\": ");
        json_string(corpus_name, &mut out);
        out.push_str(",\n  \"corpus_version\": ");
        json_string(corpus_version, &mut out);
        out.push_str(",\n  \"view\": ");
        json_string(view, &mut out);
        out.push_str(",\n  \"columns\": [");
        for (i, c) in self.columns.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            json_string(c, &mut out);
        }
        out.push_str("],\n  \"rows\": [");
        for (r, row) in self.rows.iter().enumerate() {
            out.push_str(if r == 0 { "\n    {" } else { ",\n    {" });
            for (i, (c, v)) in self.columns.iter().zip(row).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                json_string(c, &mut out);
                out.push_str(": ");
                match v {
                    Value::Int(n) => {
                        let _ = write!(out, "{n}");
                    }
                    Value::Text(t) => json_string(t, &mut out),
                }
            }
            out.push('}');
        }
        out.push_str(if self.rows.is_empty() {
            "]\n}\n"
        } else {
            "\n  ]\n}\n"
        });
        out
    }
}

/// Appends `s` escaped for XML text and attribute values.
pub fn xml_escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        Table {
            name: "t".into(),
            columns: vec!["name".into(), "n".into()],
            rows: vec![
                vec!["plain".into(), Value::Int(3)],
                vec!["a, \"quoted\"\nline".into(), Value::Int(-1)],
                vec!["=HYPERLINK(\"x\")".into(), 0u32.into()],
                vec![" padded ".into(), 7usize.into()],
            ],
        }
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let csv = sample().csv();
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "name,n");
        assert_eq!(lines[1], "plain,3");
        assert_eq!(lines[2], "\"a, \"\"quoted\"\"\nline\",-1");
        assert_eq!(lines[3], "\"'=HYPERLINK(\"\"x\"\")\",0");
        assert_eq!(lines[4], "\" padded \",7");
        assert_eq!(lines[5], "");
    }

    #[test]
    fn json_is_valid_and_carries_the_view() {
        let json = sample().json("seeds", "abc", "https://x/?v=1&q=<b>");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["corpus_version"], "abc");
        assert_eq!(v["view"], "https://x/?v=1&q=<b>");
        assert_eq!(v["rows"][1]["name"], "a, \"quoted\"\nline");
        assert_eq!(v["rows"][0]["n"], 3);
        assert!(!json.contains("<b>"), "'<' is escaped");
        let empty = Table {
            rows: vec![],
            ..sample()
        };
        let v: serde_json::Value = serde_json::from_str(&empty.json("", "", "")).unwrap();
        assert_eq!(v["rows"].as_array().unwrap().len(), 0);
    }

    #[test]
    fn xml_escaping() {
        let mut out = String::new();
        xml_escape("<script>&\"'\u{0}x", &mut out);
        assert_eq!(out, "&lt;script&gt;&amp;&quot;&apos;\u{fffd}x");
    }
}
