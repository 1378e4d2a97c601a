//! The provider's inbox: its addresses and a renewal reminder sent, mailed and read.

use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::workflow::notification::{
    self, MailAddresses, MailOutcome, Notification, messages,
};
use shinrai_domain::workflow::{Change, Moment};

use super::{at, provider};

/// The provider's inbox in the story, in the order written.
#[derive(Debug, Clone)]
pub struct NoticeStory {
    pub addresses: Change<MailAddresses>,
    pub sent: Change<Notification>,
    pub mailed: Change<Notification>,
    pub read: Change<Notification>,
}

/// The inbox's moments: from 2026-06-05, four days after the story's audit was signed.
pub fn notice_at(n: i64) -> Moment {
    at(4 * 86_400_000 + n)
}

/// The provider's addresses, and a reminder that `entry` must be renewed, mailed then read.
pub fn notice_of(entry: &RegistryEntry) -> NoticeStory {
    let addresses = notification::set_addresses(
        vec!["security@csp.example".into()],
        &provider(),
        notice_at(1),
    )
    .expect("addresses");
    let sent = notification::send(messages::renewal_due(entry, 6), true, notice_at(2));
    let mailed = notification::record_mail(
        &sent.state,
        MailOutcome::Sent { addresses: 1 },
        notice_at(3),
    )
    .expect("pending");
    let read = notification::mark(&mailed.state, true, &provider(), notice_at(4)).expect("read");
    NoticeStory {
        addresses,
        sent,
        mailed,
        read,
    }
}
