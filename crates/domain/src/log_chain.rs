//! The tamper-evident log: each event's hash covers its fields and the previous event's hash,
//! and an Ed25519 key signs checkpoints (size and head hash). Re-computing the chain finds the
//! first event that was edited, deleted, moved or inserted; a checkpoint kept elsewhere proves
//! the log was not rewritten wholesale.
//!
//! Pure computation: reading events and keys is the store's job.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::text::Bilingual;

/// The hash before the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who may read an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Registry changes, notices: anyone may read them.
    Public,
    /// Accounts, sessions, internal workflow: the operator's staff only.
    Internal,
}

impl Visibility {
    pub fn code(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Internal => "internal",
        }
    }

    pub fn from_code(code: &str) -> Option<Visibility> {
        match code {
            "public" => Some(Visibility::Public),
            "internal" => Some(Visibility::Internal),
            _ => None,
        }
    }
}

/// One event as stored: what happened, and the hashes that chain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub seq: u64,
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub at_ms: i64,
    /// The user (or `system`) who acted.
    pub actor: String,
    /// The organisation the actor acted for (empty for the system).
    pub org: String,
    /// A stable action name, e.g. `user.create`.
    pub action: String,
    /// The id of what the action was about.
    pub subject: String,
    pub visibility: Visibility,
    /// The event's details as JSON text, exactly as hashed.
    pub payload: String,
    pub payload_hash: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The fields of a new event; [`seal`] adds the sequence number and the hashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub at_ms: i64,
    pub actor: String,
    pub org: String,
    pub action: String,
    pub subject: String,
    pub visibility: Visibility,
    pub payload: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The event's own hash: SHA-256 over a versioned, length-prefixed encoding of every field and
/// the previous hash, so no two different events encode alike.
pub fn event_hash(event: &Event) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"shinrai-event-v1\n");
    let at = event.at_ms.to_be_bytes();
    let seq = event.seq.to_be_bytes();
    let fields: [&[u8]; 9] = [
        &seq,
        &at,
        event.actor.as_bytes(),
        event.org.as_bytes(),
        event.action.as_bytes(),
        event.subject.as_bytes(),
        event.visibility.code().as_bytes(),
        event.payload_hash.as_bytes(),
        event.prev_hash.as_bytes(),
    ];
    for field in fields {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field);
    }
    hex::encode(hasher.finalize())
}

/// Chains a new event after the event with `prev_seq` and `prev_hash`.
pub fn seal(new: NewEvent, prev_seq: u64, prev_hash: &str) -> Event {
    let mut event = Event {
        seq: prev_seq + 1,
        at_ms: new.at_ms,
        actor: new.actor,
        org: new.org,
        action: new.action,
        subject: new.subject,
        visibility: new.visibility,
        payload_hash: sha256_hex(new.payload.as_bytes()),
        payload: new.payload,
        prev_hash: prev_hash.to_owned(),
        hash: String::new(),
    };
    event.hash = event_hash(&event);
    event
}

/// A signed statement that the log had `size` events ending in `head_hash`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub size: u64,
    pub head_hash: String,
    pub at_ms: i64,
    /// Hex Ed25519 signature over [`checkpoint_message`].
    pub signature: String,
}

pub fn checkpoint_message(size: u64, head_hash: &str, at_ms: i64) -> Vec<u8> {
    format!("shinrai-checkpoint-v1\n{size}\n{head_hash}\n{at_ms}\n").into_bytes()
}

pub fn sign_checkpoint(key: &SigningKey, size: u64, head_hash: &str, at_ms: i64) -> Checkpoint {
    let signature = key.sign(&checkpoint_message(size, head_hash, at_ms));
    Checkpoint {
        size,
        head_hash: head_hash.to_owned(),
        at_ms,
        signature: hex::encode(signature.to_bytes()),
    }
}

pub fn checkpoint_signature_holds(key: &VerifyingKey, checkpoint: &Checkpoint) -> bool {
    let Ok(bytes) = hex::decode(&checkpoint.signature) else {
        return false;
    };
    let Ok(bytes) = <[u8; 64]>::try_from(bytes.as_slice()) else {
        return false;
    };
    let signature = Signature::from_bytes(&bytes);
    key.verify_strict(
        &checkpoint_message(checkpoint.size, &checkpoint.head_hash, checkpoint.at_ms),
        &signature,
    )
    .is_ok()
}

pub fn verifying_key_from_hex(text: &str) -> Option<VerifyingKey> {
    let bytes = hex::decode(text.trim()).ok()?;
    VerifyingKey::from_bytes(&<[u8; 32]>::try_from(bytes.as_slice()).ok()?).ok()
}

/// The first thing found wrong, naming the event or checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// The events do not count 1, 2, 3, … (one deleted, or inserted with a new number).
    Sequence { expected: u64, found: u64 },
    /// The payload no longer matches its hash.
    PayloadChanged { seq: u64 },
    /// A field no longer matches the event's hash.
    EventChanged { seq: u64 },
    /// The event does not follow the one before it (moved, inserted or its predecessor deleted).
    ChainBroken { seq: u64 },
    /// A checkpoint's signature does not verify with the key.
    BadSignature { size: u64 },
    /// A checkpoint's head hash differs from the event at its size.
    CheckpointMismatch { size: u64 },
    /// A checkpoint covers more events than the log holds (events deleted from the end).
    LogShorterThanCheckpoint { size: u64, events: u64 },
    /// No checkpoint verifies with the key, yet each matches the chain: the checkpoints are
    /// genuine and the key is not the one that signed them (replaced). `first` is the smallest.
    WrongKey { first: u64, checkpoints: usize },
}

impl Break {
    /// The sequence number to name: the first bad event, or the checkpoint's size.
    pub fn seq(&self) -> u64 {
        match self {
            Break::Sequence { expected, .. } => *expected,
            Break::PayloadChanged { seq }
            | Break::EventChanged { seq }
            | Break::ChainBroken { seq } => *seq,
            Break::BadSignature { size }
            | Break::CheckpointMismatch { size }
            | Break::LogShorterThanCheckpoint { size, .. } => *size,
            Break::WrongKey { first, .. } => *first,
        }
    }

    pub fn message(&self) -> Bilingual {
        match self {
            Break::Sequence { expected, found } => Bilingual::new(
                format!(
                    "イベント {expected} があるべきところにイベント {found} があります（削除または挿入）"
                ),
                format!("event {found} stands where event {expected} should (deleted or inserted)"),
            ),
            Break::PayloadChanged { seq } => Bilingual::new(
                format!("イベント {seq} の内容がハッシュと一致しません（改変）"),
                format!("event {seq}: the payload no longer matches its hash (edited)"),
            ),
            Break::EventChanged { seq } => Bilingual::new(
                format!("イベント {seq} の項目がハッシュと一致しません（改変）"),
                format!("event {seq}: its fields no longer match its hash (edited)"),
            ),
            Break::ChainBroken { seq } => Bilingual::new(
                format!("イベント {seq} が直前のイベントにつながっていません（移動・挿入・削除）"),
                format!(
                    "event {seq} does not follow the event before it (moved, inserted or deleted)"
                ),
            ),
            Break::BadSignature { size } => Bilingual::new(
                format!("大きさ {size} のチェックポイントの署名が検証できません"),
                format!("the checkpoint at size {size} has a signature that does not verify"),
            ),
            Break::CheckpointMismatch { size } => Bilingual::new(
                format!(
                    "大きさ {size} のチェックポイントの先頭ハッシュがイベント {size} と一致しません"
                ),
                format!("the checkpoint at size {size} does not match event {size}"),
            ),
            Break::LogShorterThanCheckpoint { size, events } => Bilingual::new(
                format!(
                    "チェックポイントは {size} 件を示しますが、ログには {events} 件しかありません（末尾の削除）"
                ),
                format!(
                    "a checkpoint covers {size} events but the log holds {events} (events deleted from the end)"
                ),
            ),
            Break::WrongKey { checkpoints, .. } => Bilingual::new(
                format!(
                    "署名鍵が、チェックポイントに署名した鍵ではありません（{checkpoints} 件のどれもこの鍵で検証できず、内容はログと一致します。鍵が差し替えられています）"
                ),
                format!(
                    "the signing key is not the one that signed the checkpoints (none of the {checkpoints} verifies with it, though each matches the log: the key was replaced)"
                ),
            ),
        }
    }
}

/// Checks a log event by event, in sequence order, without holding it all in memory.
#[derive(Debug)]
pub struct Verifier {
    next_seq: u64,
    prev_hash: String,
    /// Checkpoints still to meet whose signature holds (every one when no key is given), by size.
    pending: Vec<Checkpoint>,
    /// Checkpoints whose signature does not hold, with whether their head hash matched the
    /// event at their size (`None` until that event is met).
    unsigned: Vec<(Checkpoint, Option<bool>)>,
    checkpoints: usize,
    signatures_checked: bool,
}

/// What a successful verification covered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub events: u64,
    pub head_hash: String,
    pub checkpoints: usize,
    /// False when no key was at hand: the checkpoints' heads were compared with the chain, but
    /// nobody vouched for them.
    pub signatures_checked: bool,
}

impl Verifier {
    /// Starts a verification. Signatures are checked against `key` now, but reported only after
    /// the chain (see [`Verifier::finish`]): a chain that holds tells a replaced key from a
    /// forged checkpoint. Without a key only the checkpoints' heads are checked.
    pub fn new(key: Option<&VerifyingKey>, mut checkpoints: Vec<Checkpoint>) -> Verifier {
        checkpoints.sort_by_key(|checkpoint| checkpoint.size);
        let total = checkpoints.len();
        let (pending, unsigned): (Vec<Checkpoint>, Vec<Checkpoint>) = match key {
            Some(key) => checkpoints
                .into_iter()
                .partition(|checkpoint| checkpoint_signature_holds(key, checkpoint)),
            None => (checkpoints, Vec::new()),
        };
        Verifier {
            next_seq: 1,
            prev_hash: GENESIS.to_owned(),
            pending,
            unsigned: unsigned.into_iter().map(|c| (c, None)).collect(),
            checkpoints: total,
            signatures_checked: key.is_some(),
        }
    }

    pub fn check(&mut self, event: &Event) -> Result<(), Break> {
        if event.seq != self.next_seq {
            return Err(Break::Sequence {
                expected: self.next_seq,
                found: event.seq,
            });
        }
        if sha256_hex(event.payload.as_bytes()) != event.payload_hash {
            return Err(Break::PayloadChanged { seq: event.seq });
        }
        if event.prev_hash != self.prev_hash {
            return Err(Break::ChainBroken { seq: event.seq });
        }
        if event_hash(event) != event.hash {
            return Err(Break::EventChanged { seq: event.seq });
        }
        for checkpoint in self.pending.iter().filter(|c| c.size == event.seq) {
            if checkpoint.head_hash != event.hash {
                return Err(Break::CheckpointMismatch {
                    size: checkpoint.size,
                });
            }
        }
        for (checkpoint, matched) in &mut self.unsigned {
            if checkpoint.size == event.seq {
                *matched = Some(checkpoint.head_hash == event.hash);
            }
        }
        self.pending
            .retain(|checkpoint| checkpoint.size > event.seq);
        self.prev_hash.clone_from(&event.hash);
        self.next_seq += 1;
        Ok(())
    }

    /// The verdict once every event was checked. Checkpoints whose signature fails come first:
    /// when none verifies but each matches the chain, the key is not the one that signed them;
    /// otherwise the first bad one is named. Then checkpoints beyond the end of the log.
    pub fn finish(self) -> Result<Verified, Break> {
        let events = self.next_seq - 1;
        if let Some((first, _)) = self.unsigned.first() {
            let all_match = self
                .unsigned
                .iter()
                .all(|(_, matched)| *matched == Some(true));
            return Err(if all_match && self.unsigned.len() == self.checkpoints {
                Break::WrongKey {
                    first: first.size,
                    checkpoints: self.checkpoints,
                }
            } else {
                let bad = self
                    .unsigned
                    .iter()
                    .find(|(_, matched)| *matched != Some(true))
                    .map_or(first.size, |(checkpoint, _)| checkpoint.size);
                Break::BadSignature { size: bad }
            });
        }
        if let Some(beyond) = self.pending.first() {
            return Err(Break::LogShorterThanCheckpoint {
                size: beyond.size,
                events,
            });
        }
        Ok(Verified {
            events,
            head_hash: self.prev_hash,
            checkpoints: self.checkpoints,
            signatures_checked: self.signatures_checked,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[7u8; 32])
    }

    fn log(n: u64) -> Vec<Event> {
        let mut events = Vec::new();
        let mut prev = (0, GENESIS.to_owned());
        for i in 0..n {
            let event = seal(
                NewEvent {
                    at_ms: 1_700_000_000_000 + i64::try_from(i).unwrap(),
                    actor: "admin".into(),
                    org: "op".into(),
                    action: "user.create".into(),
                    subject: format!("user-{i}"),
                    visibility: Visibility::Internal,
                    payload: format!("{{\"n\":{i}}}"),
                },
                prev.0,
                &prev.1,
            );
            prev = (event.seq, event.hash.clone());
            events.push(event);
        }
        events
    }

    fn verify(events: &[Event], checkpoints: Vec<Checkpoint>) -> Result<Verified, Break> {
        let mut verifier = Verifier::new(Some(&key().verifying_key()), checkpoints);
        for event in events {
            verifier.check(event)?;
        }
        verifier.finish()
    }

    #[test]
    fn an_untouched_log_verifies() {
        let events = log(10);
        let cp = sign_checkpoint(&key(), 5, &events[4].hash, 1);
        let end = sign_checkpoint(&key(), 10, &events[9].hash, 2);
        let verified = verify(&events, vec![end, cp]).unwrap();
        assert_eq!(verified.events, 10);
        assert_eq!(verified.head_hash, events[9].hash);
        assert_eq!(verified.checkpoints, 2);
    }

    #[test]
    fn edits_deletions_moves_and_insertions_are_found_at_the_first_bad_event() {
        let events = log(6);
        let mut edited = events.clone();
        edited[2].payload = "{\"n\":99}".into();
        assert_eq!(
            verify(&edited, vec![]),
            Err(Break::PayloadChanged { seq: 3 })
        );

        let mut edited = events.clone();
        edited[3].subject = "someone-else".into();
        assert_eq!(verify(&edited, vec![]), Err(Break::EventChanged { seq: 4 }));

        let mut deleted = events.clone();
        deleted.remove(2);
        assert_eq!(
            verify(&deleted, vec![]),
            Err(Break::Sequence {
                expected: 3,
                found: 4
            })
        );

        let mut renumbered = events.clone();
        renumbered.remove(2);
        for (i, e) in renumbered.iter_mut().enumerate() {
            e.seq = u64::try_from(i).unwrap() + 1;
        }
        assert_eq!(
            verify(&renumbered, vec![]),
            Err(Break::ChainBroken { seq: 3 })
        );

        let mut moved = events.clone();
        moved.swap(1, 2);
        moved[1].seq = 2;
        moved[2].seq = 3;
        assert_eq!(verify(&moved, vec![]), Err(Break::ChainBroken { seq: 2 }));

        let mut inserted = events.clone();
        let mut intruder = events[1].clone();
        intruder.subject = "intruder".into();
        inserted.insert(2, intruder);
        for (i, e) in inserted.iter_mut().enumerate() {
            e.seq = u64::try_from(i).unwrap() + 1;
        }
        assert_eq!(verify(&inserted, vec![]).unwrap_err().seq(), 3);
    }

    #[test]
    fn checkpoints_catch_truncation_and_rewrites() {
        let events = log(6);
        let cp = sign_checkpoint(&key(), 6, &events[5].hash, 1);
        assert_eq!(
            verify(&events[..4], vec![cp.clone()]),
            Err(Break::LogShorterThanCheckpoint { size: 6, events: 4 })
        );
        let mut forged = cp.clone();
        forged.head_hash = events[4].hash.clone();
        assert_eq!(
            verify(&events, vec![forged]),
            Err(Break::BadSignature { size: 6 })
        );
        let other_key = SigningKey::from_bytes(&[8u8; 32]);
        let rewritten = sign_checkpoint(&other_key, 6, &events[5].hash, 1);
        assert_eq!(
            verify(&events, vec![rewritten.clone()]),
            Err(Break::WrongKey {
                first: 6,
                checkpoints: 1
            }),
            "a genuine head signed by another key: the key was replaced"
        );
        let genuine = sign_checkpoint(&key(), 3, &events[2].hash, 1);
        assert_eq!(
            verify(&events, vec![genuine, rewritten]),
            Err(Break::BadSignature { size: 6 }),
            "one verifies and one does not: that one is forged"
        );
        let wrong_head = sign_checkpoint(&key(), 3, &events[4].hash, 1);
        assert_eq!(
            verify(&events, vec![wrong_head]),
            Err(Break::CheckpointMismatch { size: 3 })
        );
    }

    #[test]
    fn a_chain_break_is_named_before_a_bad_signature() {
        let events = log(6);
        let forged = sign_checkpoint(&SigningKey::from_bytes(&[9u8; 32]), 6, &events[5].hash, 1);
        let mut edited = events.clone();
        edited[1].payload = "{}".into();
        assert_eq!(
            verify(&edited, vec![forged]),
            Err(Break::PayloadChanged { seq: 2 })
        );
    }

    #[test]
    fn without_a_key_heads_are_still_compared_with_the_chain() {
        let events = log(6);
        let cp = sign_checkpoint(&key(), 4, &events[3].hash, 1);
        let check = |checkpoints: Vec<Checkpoint>, upto: usize| {
            let mut verifier = Verifier::new(None, checkpoints);
            for event in &events[..upto] {
                verifier.check(event)?;
            }
            verifier.finish()
        };
        let verified = check(vec![cp.clone()], 6).unwrap();
        assert!(!verified.signatures_checked);
        assert_eq!(verified.checkpoints, 1);
        assert_eq!(
            check(vec![cp], 3),
            Err(Break::LogShorterThanCheckpoint { size: 4, events: 3 })
        );
    }

    #[test]
    fn the_key_round_trips_through_hex() {
        let public = hex::encode(key().verifying_key().to_bytes());
        assert_eq!(verifying_key_from_hex(&public), Some(key().verifying_key()));
        assert_eq!(verifying_key_from_hex("zz"), None);
    }
}
