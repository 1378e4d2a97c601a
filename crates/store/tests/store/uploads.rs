//! Uploads streamed into the blob store: hashed on the way, bounded, and never left half-written
//! under a real name.

use std::sync::Arc;

use bytes::Bytes;
use futures::stream;
use shinrai_store::Blobs;
use shinrai_store::StoreError;

use crate::accounts::by;
use crate::engines::TestStore;

fn chunks(parts: &[&'static [u8]]) -> impl futures::Stream<Item = Result<Bytes, String>> + Unpin {
    stream::iter(
        parts
            .iter()
            .map(|part| Ok(Bytes::from_static(part)))
            .collect::<Vec<_>>(),
    )
}

/// Every file under the blobs folder, temporary ones included.
fn files_under(folder: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.push(path.file_name().unwrap().to_string_lossy().into_owned());
            }
        }
    }
    found.sort();
    found
}

#[tokio::test]
async fn a_streamed_upload_is_stored_under_its_hash_once() {
    for test in TestStore::both().await {
        let store = &test.store;
        let whole = b"evidence: the backup job of 2025-10-02 ran at 02:00".as_slice();
        let info = store
            .put_blob_stream(
                chunks(&[&whole[..10], &whole[10..]]),
                1_000,
                "text/plain",
                &by(1),
            )
            .await
            .unwrap();
        assert_eq!(info.sha256, shinrai_domain::log_chain::sha256_hex(whole));
        assert_eq!(info.size, whole.len() as u64);
        let (_, bytes) = store.blob(&info.sha256).await.unwrap().unwrap();
        assert_eq!(&bytes[..], whole);
        let head = store.log_head().await.unwrap().0;
        let again = store
            .put_blob_stream(chunks(&[whole]), 1_000, "text/plain", &by(2))
            .await
            .unwrap();
        assert_eq!(again, info);
        assert_eq!(
            store.log_head().await.unwrap().0,
            head,
            "nothing new to log"
        );
        let folder = test.config.data_dir.join("blobs");
        assert_eq!(files_under(&folder), std::slice::from_ref(&info.sha256));

        let too_large = store
            .put_blob_stream(
                chunks(&[b"0123456789", b"0123456789"]),
                15,
                "text/plain",
                &by(3),
            )
            .await;
        assert!(matches!(
            too_large,
            Err(StoreError::UploadTooLarge { max: 15 })
        ));
        let broken = stream::iter(vec![
            Ok(Bytes::from_static(b"half")),
            Err("connection reset".to_owned()),
        ]);
        let broken = store
            .put_blob_stream(broken, 1_000, "text/plain", &by(4))
            .await;
        assert!(matches!(broken, Err(StoreError::UploadBroken { .. })));
        assert_eq!(
            files_under(&folder),
            [info.sha256],
            "refused uploads leave nothing behind"
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn an_object_store_takes_uploads_in_parts() {
    let blobs = Blobs::in_store(Arc::new(object_store::memory::InMemory::new()));
    let part = vec![7u8; 3 * 1024 * 1024];
    let parts: Vec<Result<Bytes, String>> = (0..4).map(|_| Ok(Bytes::from(part.clone()))).collect();
    let (sha256, size) = blobs
        .put_stream(stream::iter(parts), 64 * 1024 * 1024)
        .await
        .unwrap();
    assert_eq!(size, 12 * 1024 * 1024);
    let bytes = blobs.get(&sha256).await.unwrap().unwrap();
    assert_eq!(bytes.len(), 12 * 1024 * 1024);
}
