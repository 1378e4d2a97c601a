//! A whole verification of the log and of every table bound to it, fed one event and then one
//! row at a time so the store can stream any amount through it:
//!
//! 1. the chain and the checkpoints ([`Verifier`]);
//! 2. the rows: the events' row records, replayed in order, say what every bound table holds;
//!    each stored row must match the last record of its key, a row no event wrote is
//!    unaccounted, a row the events say exists and the table lacks is missing;
//! 3. the checkpoints the events record as signed must still be stored.
//!
//! Pure: reading events and rows is the store's job.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use ed25519_dalek::VerifyingKey;

use crate::log_chain::{Break, Checkpoint, Event, Verified, Verifier};
use crate::log_rows::{RowRecord, display_key, payload_facts};
use crate::text::Bilingual;

/// What is wrong with one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowProblem {
    /// The row differs from what the last event that wrote it recorded (edited).
    Differs,
    /// No event wrote this row (inserted directly, or written before rows were bound).
    Unaccounted,
    /// The events say the row exists, the table lacks it (deleted).
    Missing,
}

impl RowProblem {
    pub fn code(self) -> &'static str {
        match self {
            RowProblem::Differs => "differs",
            RowProblem::Unaccounted => "unaccounted",
            RowProblem::Missing => "missing",
        }
    }
}

/// Something found wrong besides a break in the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A row of a bound table disagrees with the log; `seq` is the event that last wrote it.
    Row {
        table: String,
        key: Vec<String>,
        problem: RowProblem,
        seq: Option<u64>,
    },
    /// Event `recorded_by` says the checkpoint at `size` was signed; it is no longer stored.
    CheckpointDeleted { size: u64, recorded_by: u64 },
    /// An event's row records cannot be read, so the rows it wrote cannot be checked.
    UnreadableRecords { seq: u64, detail: String },
}

impl Finding {
    pub fn message(&self) -> Bilingual {
        match self {
            Finding::Row {
                table,
                key,
                problem,
                seq,
            } => {
                let key = display_key(key);
                let seq = seq.map_or_else(String::new, |seq| seq.to_string());
                match problem {
                    RowProblem::Differs => Bilingual::new(
                        format!(
                            "表 {table} の行 {key} がイベント {seq} の記録と一致しません（改変）"
                        ),
                        format!(
                            "{table} {key}: the row differs from what event {seq} recorded (edited)"
                        ),
                    ),
                    RowProblem::Unaccounted => Bilingual::new(
                        format!(
                            "表 {table} の行 {key} を書いたイベントがありません（直接の挿入、またはログへの結び付け以前の行）"
                        ),
                        format!(
                            "{table} {key}: no event wrote this row (inserted directly, or written before rows were bound to the log)"
                        ),
                    ),
                    RowProblem::Missing => Bilingual::new(
                        format!(
                            "表 {table} の行 {key} はイベント {seq} が書いたはずですが、ありません（削除）"
                        ),
                        format!(
                            "{table} {key}: event {seq} wrote this row but it is missing (deleted)"
                        ),
                    ),
                }
            }
            Finding::CheckpointDeleted { size, recorded_by } => Bilingual::new(
                format!(
                    "大きさ {size} のチェックポイントがありません（イベント {recorded_by} は署名済みと記録しています。削除）"
                ),
                format!(
                    "the checkpoint at size {size} is missing, though event {recorded_by} records it as signed (deleted)"
                ),
            ),
            Finding::UnreadableRecords { seq, detail } => Bilingual::new(
                format!("イベント {seq} の行の記録が読めません ({detail})"),
                format!("event {seq}: its row records cannot be read ({detail})"),
            ),
        }
    }
}

/// Worth knowing, but no proof that anything was altered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// More events follow the last stored checkpoint than the service ever leaves unsigned:
    /// checkpoints may have been deleted (or the service signed less often then).
    UnsignedTail {
        events_after: u64,
        last_checkpoint: u64,
        sign_every: u64,
    },
}

impl Warning {
    pub fn message(&self) -> Bilingual {
        match self {
            Warning::UnsignedTail {
                events_after,
                last_checkpoint,
                sign_every,
            } => Bilingual::new(
                format!(
                    "最後の署名済みチェックポイント（大きさ {last_checkpoint}）の後に {events_after} 件のイベントがあります。サービスは {sign_every} 件ごとに署名するため、チェックポイントが削除された可能性があります"
                ),
                format!(
                    "{events_after} events follow the last signed checkpoint (size {last_checkpoint}), though the service signs every {sign_every}: checkpoints may have been deleted"
                ),
            ),
        }
    }
}

/// The outcome of a whole verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditReport {
    /// The chain and the checkpoints' signatures: what was covered, or the first break.
    pub chain: Result<Verified, Break>,
    /// Rows and checkpoints found wrong (rows are compared only when the chain holds).
    pub findings: Vec<Finding>,
    pub warnings: Vec<Warning>,
    /// Rows compared, per bound table.
    pub rows_checked: BTreeMap<String, u64>,
}

impl AuditReport {
    /// The chain holds and every row and recorded checkpoint is as the log says.
    pub fn intact(&self) -> bool {
        self.chain.is_ok() && self.findings.is_empty()
    }
}

/// The row a key should hold, and the event that last wrote it.
#[derive(Debug)]
struct Expected {
    sha256: String,
    seq: u64,
}

#[derive(Debug)]
pub struct LogAudit {
    verifier: Verifier,
    broken: Option<Break>,
    /// table → key → the row's expected hash.
    expected: HashMap<String, HashMap<Vec<String>, Expected>>,
    /// Checkpoint sizes the events record as signed, with the first event that says so.
    recorded_checkpoints: BTreeMap<u64, u64>,
    stored_checkpoints: BTreeSet<u64>,
    sign_every: u64,
    events: u64,
    findings: Vec<Finding>,
    rows_checked: BTreeMap<String, u64>,
}

impl LogAudit {
    /// `stored` are the checkpoints in the database, `extra` any kept elsewhere; `key` checks
    /// their signatures (none: heads only). `sign_every` is how often the service signs.
    pub fn new(
        key: Option<&VerifyingKey>,
        stored: Vec<Checkpoint>,
        extra: Vec<Checkpoint>,
        sign_every: u64,
    ) -> LogAudit {
        let stored_checkpoints = stored.iter().map(|c| c.size).collect();
        let mut checkpoints = stored;
        checkpoints.extend(extra);
        LogAudit {
            verifier: Verifier::new(key, checkpoints),
            broken: None,
            expected: HashMap::new(),
            recorded_checkpoints: BTreeMap::new(),
            stored_checkpoints,
            sign_every: sign_every.max(1),
            events: 0,
            findings: Vec::new(),
            rows_checked: BTreeMap::new(),
        }
    }

    /// Takes the next event in sequence order; false once the chain broke (reading further is
    /// pointless: nothing after a break can be trusted).
    pub fn event(&mut self, event: &Event) -> bool {
        if self.broken.is_some() {
            return false;
        }
        if let Err(found) = self.verifier.check(event) {
            self.broken = Some(found);
            return false;
        }
        self.events = event.seq;
        match payload_facts(&event.payload) {
            Ok(facts) => {
                for record in facts.rows {
                    self.replay(event.seq, record);
                }
                if let Some(size) = facts.last_checkpoint {
                    self.recorded_checkpoints.entry(size).or_insert(event.seq);
                }
            }
            Err(detail) => self.findings.push(Finding::UnreadableRecords {
                seq: event.seq,
                detail,
            }),
        }
        true
    }

    fn replay(&mut self, seq: u64, record: RowRecord) {
        let table = self.expected.entry(record.table).or_default();
        match record.sha256 {
            Some(sha256) => {
                table.insert(record.key, Expected { sha256, seq });
            }
            None => {
                table.remove(&record.key);
            }
        }
    }

    /// Whether the chain held so far (rows are worth comparing only then).
    pub fn chain_holds(&self) -> bool {
        self.broken.is_none()
    }

    /// Takes one stored row of a bound table, with the hash of its canonical encoding. Give
    /// every row of a table before [`LogAudit::finish`]; the order does not matter.
    pub fn row(&mut self, table: &str, key: Vec<String>, sha256: &str) {
        *self.rows_checked.entry(table.to_owned()).or_default() += 1;
        let expected = self
            .expected
            .get_mut(table)
            .and_then(|rows| rows.remove(&key));
        let problem = match &expected {
            Some(expected) if expected.sha256 == sha256 => return,
            Some(_) => RowProblem::Differs,
            None => RowProblem::Unaccounted,
        };
        self.findings.push(Finding::Row {
            table: table.to_owned(),
            key,
            problem,
            seq: expected.map(|e| e.seq),
        });
    }

    /// Marks a bound table as read, even if it held no rows, so its absence is not mistaken
    /// for a table that was not compared.
    pub fn table_read(&mut self, table: &str) {
        self.rows_checked.entry(table.to_owned()).or_default();
    }

    /// The verdict. Rows the events expect in a table that was read but were not met are
    /// missing; the tables must all have been read (see [`LogAudit::table_read`]).
    pub fn finish(mut self) -> AuditReport {
        let chain = match self.broken.take() {
            Some(found) => Err(found),
            None => self.verifier.finish(),
        };
        let mut findings = self.findings;
        let mut warnings = Vec::new();
        if chain.is_ok() {
            let mut missing: Vec<Finding> = Vec::new();
            for (table, rows) in self.expected {
                for (key, expected) in rows {
                    missing.push(Finding::Row {
                        table: table.clone(),
                        key,
                        problem: RowProblem::Missing,
                        seq: Some(expected.seq),
                    });
                }
            }
            findings.extend(missing);
            for (&size, &recorded_by) in &self.recorded_checkpoints {
                if !self.stored_checkpoints.contains(&size) {
                    findings.push(Finding::CheckpointDeleted { size, recorded_by });
                }
            }
            let last = self.stored_checkpoints.last().copied().unwrap_or(0);
            let events_after = self.events.saturating_sub(last);
            if events_after >= self.sign_every {
                warnings.push(Warning::UnsignedTail {
                    events_after,
                    last_checkpoint: last,
                    sign_every: self.sign_every,
                });
            }
        }
        findings.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
        AuditReport {
            chain,
            findings,
            warnings,
            rows_checked: self.rows_checked,
        }
    }
}

/// Findings in a stable order: rows by table and key, then checkpoints, then records.
fn sort_key(finding: &Finding) -> (u8, &str, &[String], u64) {
    match finding {
        Finding::Row { table, key, .. } => (0, table.as_str(), key.as_slice(), 0),
        Finding::CheckpointDeleted { size, .. } => (1, "", &[], *size),
        Finding::UnreadableRecords { seq, .. } => (2, "", &[], *seq),
    }
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::SigningKey;
    use serde_json::json;

    use super::*;
    use crate::log_chain::{GENESIS, NewEvent, Visibility, seal, sign_checkpoint};
    use crate::log_rows::{Cell, row_hash};

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[7u8; 32])
    }

    fn hash(name: &str) -> String {
        row_hash("users", &[("id", Cell::Text(name))])
    }

    /// A log whose events carry the given payloads.
    fn log(payloads: &[serde_json::Value]) -> Vec<Event> {
        let mut events: Vec<Event> = Vec::new();
        for payload in payloads {
            let (seq, prev) = events
                .last()
                .map_or((0, GENESIS.to_owned()), |e| (e.seq, e.hash.clone()));
            events.push(seal(
                NewEvent {
                    at_ms: 1,
                    actor: "system".into(),
                    org: String::new(),
                    action: "user.create".into(),
                    subject: "x".into(),
                    visibility: Visibility::Internal,
                    payload: payload.to_string(),
                },
                seq,
                &prev,
            ));
        }
        events
    }

    fn wrote(table: &str, key: &str, sha256: Option<String>) -> serde_json::Value {
        json!({"rows": [{"table": table, "key": [key], "sha256": sha256}]})
    }

    fn audit(
        events: &[Event],
        checkpoints: Vec<Checkpoint>,
        rows: &[(&str, &str, String)],
    ) -> AuditReport {
        let mut audit = LogAudit::new(Some(&key().verifying_key()), checkpoints, Vec::new(), 5);
        for event in events {
            if !audit.event(event) {
                break;
            }
        }
        if audit.chain_holds() {
            audit.table_read("users");
            for (table, key, sha256) in rows {
                audit.row(table, vec![(*key).to_owned()], sha256);
            }
        }
        audit.finish()
    }

    #[test]
    fn rows_are_compared_with_the_last_record_of_their_key() {
        let events = log(&[
            wrote("users", "a", Some(hash("a0"))),
            wrote("users", "b", Some(hash("b"))),
            wrote("users", "a", Some(hash("a1"))),
            wrote("users", "c", Some(hash("c"))),
            wrote("users", "c", None),
        ]);
        let fine = audit(
            &events,
            vec![],
            &[("users", "a", hash("a1")), ("users", "b", hash("b"))],
        );
        assert!(fine.intact(), "{fine:?}");
        assert_eq!(fine.rows_checked.get("users"), Some(&2));

        let altered = audit(
            &events,
            vec![],
            &[
                ("users", "a", hash("a0")),
                ("users", "c", hash("c")),
                ("users", "z", hash("z")),
            ],
        );
        let row = |key: &str, problem, seq| Finding::Row {
            table: "users".into(),
            key: vec![key.into()],
            problem,
            seq,
        };
        assert_eq!(
            altered.findings,
            vec![
                row("a", RowProblem::Differs, Some(3)),
                row("b", RowProblem::Missing, Some(2)),
                row("c", RowProblem::Unaccounted, None),
                row("z", RowProblem::Unaccounted, None),
            ]
        );
        assert!(!altered.intact());
        assert!(altered.findings[0].message().en.contains("event 3"));
    }

    #[test]
    fn a_broken_chain_is_reported_alone() {
        let mut events = log(&[wrote("users", "a", Some(hash("a"))), json!({})]);
        events[1].payload = "{\"forged\":1}".into();
        let report = audit(&events, vec![], &[("users", "zz", hash("zz"))]);
        assert_eq!(report.chain, Err(Break::PayloadChanged { seq: 2 }));
        assert!(report.findings.is_empty(), "rows are not compared");
    }

    #[test]
    fn checkpoints_the_chain_records_must_still_be_there() {
        let mut payloads: Vec<serde_json::Value> = (0..4).map(|_| json!({})).collect();
        payloads.push(json!({"last_checkpoint": 2}));
        payloads.push(json!({"last_checkpoint": 4}));
        let events = log(&payloads);
        let at = |size: usize| sign_checkpoint(&key(), size as u64, &events[size - 1].hash, 1);
        let kept = audit(&events, vec![at(2), at(4)], &[]);
        assert!(kept.intact(), "{kept:?}");
        assert!(kept.warnings.is_empty());

        let deleted = audit(&events, vec![at(4)], &[]);
        assert_eq!(
            deleted.findings,
            vec![Finding::CheckpointDeleted {
                size: 2,
                recorded_by: 5
            }]
        );
        let none = audit(&events, vec![], &[]);
        assert_eq!(none.findings.len(), 2);
        assert_eq!(
            none.warnings,
            vec![Warning::UnsignedTail {
                events_after: 6,
                last_checkpoint: 0,
                sign_every: 5
            }],
            "six events and not one signed, though the service signs every five"
        );
    }

    #[test]
    fn unreadable_records_are_a_finding() {
        let events = log(&[json!({"rows": "not records"})]);
        let report = audit(&events, vec![], &[]);
        assert!(matches!(
            report.findings.as_slice(),
            [Finding::UnreadableRecords { seq: 1, .. }]
        ));
    }
}
