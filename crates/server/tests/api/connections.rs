//! Connections over real TCP: the header, body and idle timeouts, the connection limit, the
//! limits on request heads (answered in the error shape, not by the HTTP layer's bare pages),
//! and the per-address quota of anonymous decisions.

use std::io::ErrorKind;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde_json::Value;
use shinrai_server::config::DecideLimits;
use shinrai_server::connections::ConnectionLimits;
use shinrai_server::{AppState, Config};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::support::temporary_store;

/// A server on a free port of 127.0.0.1, stopped when dropped.
struct Running {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.task.abort();
    }
}

async fn start(config: Config) -> Running {
    let state = AppState::new(&config, temporary_store().await);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(shinrai_server::shutdown::serve_until(
        listener,
        shinrai_server::router(state),
        config.connections,
        async move {
            let _ = stopped.await;
        },
        Duration::from_secs(5),
        async {},
    ));
    Running {
        addr,
        stop: Some(stop),
        task,
    }
}

fn with_limits(limits: ConnectionLimits) -> Config {
    Config {
        connections: limits,
        ..Config::default()
    }
}

fn short(ms: u64) -> Duration {
    Duration::from_millis(ms)
}

/// One answer read off a connection: status, headers (lower-case names), body.
#[derive(Debug)]
struct Raw {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Raw {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn error_code(&self) -> String {
        assert_eq!(
            self.header("content-type"),
            Some("application/json"),
            "{} {}",
            self.status,
            String::from_utf8_lossy(&self.body)
        );
        let body: Value = serde_json::from_slice(&self.body).unwrap();
        assert!(body["error"]["messages"]["ja"].is_string(), "{body}");
        body["error"]["code"].as_str().unwrap().to_owned()
    }
}

/// Reads one answer (with a `Content-Length` body) from `stream`, failing after 10 s rather
/// than waiting for ever.
async fn read_answer(stream: &mut TcpStream) -> Raw {
    tokio::time::timeout(Duration::from_secs(10), read_answer_unbounded(stream))
        .await
        .expect("an answer within 10 s")
}

async fn read_answer_unbounded(stream: &mut TcpStream) -> Raw {
    let mut buffer = Vec::new();
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let mut chunk = [0_u8; 4096];
        let read = stream.read(&mut chunk).await.unwrap();
        assert!(read > 0, "closed before an answer: {buffer:?}");
        buffer.extend_from_slice(&chunk[..read]);
    };
    let head = String::from_utf8(buffer[..head_end].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (name, value) = line.split_once(':').unwrap();
            (name.to_ascii_lowercase(), value.trim().to_owned())
        })
        .collect();
    let length: usize = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .map_or(0, |(_, value)| value.parse().unwrap());
    let mut body = buffer[head_end..].to_vec();
    while body.len() < length {
        let mut chunk = vec![0_u8; length - body.len()];
        let read = stream.read(&mut chunk).await.unwrap();
        assert!(read > 0, "closed inside the body");
        body.extend_from_slice(&chunk[..read]);
    }
    Raw {
        status,
        headers,
        body,
    }
}

async fn ask(addr: SocketAddr, request: &[u8]) -> Raw {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(request).await.unwrap();
    read_answer(&mut stream).await
}

/// Waits (at most `within`) for the server to close `stream`, reading and dropping whatever
/// it still sends; returns how long that took.
async fn closed_within(stream: &mut TcpStream, within: Duration) -> Duration {
    let start = Instant::now();
    let waited = tokio::time::timeout(within, async {
        let mut sink = vec![0_u8; 64 * 1024];
        loop {
            match stream.read(&mut sink).await {
                Ok(0) => return,
                Ok(_) => {}
                Err(error) if error.kind() == ErrorKind::ConnectionReset => return,
                Err(error) => panic!("{error}"),
            }
        }
    })
    .await;
    assert!(waited.is_ok(), "still open after {within:?}");
    start.elapsed()
}

fn sample_request(body: &str) -> Vec<u8> {
    format!(
        "POST /api/v1/decide/sample HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

const CASE: &str = r#"{"frequency":"daily","population":365,"seed":1}"#;

#[tokio::test]
async fn a_half_sent_request_is_closed_after_the_header_timeout() {
    let server = start(with_limits(ConnectionLimits {
        header_timeout: short(400),
        ..ConnectionLimits::default()
    }))
    .await;
    // A head that never ends, a few bytes at a time: the trickle does not extend the timeout.
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let start = Instant::now();
    stream.write_all(b"GET /livez HTTP/1.1\r\n").await.unwrap();
    let trickle = async {
        for n in 0..20 {
            tokio::time::sleep(short(50)).await;
            if stream
                .write_all(format!("X-{n}: y\r\n").as_bytes())
                .await
                .is_err()
            {
                break;
            }
        }
    };
    trickle.await;
    closed_within(&mut stream, Duration::from_secs(5)).await;
    let took = start.elapsed();
    assert!(took >= short(400), "{took:?}");
    assert!(took < Duration::from_secs(3), "{took:?}");

    // A connection that sends nothing at all is closed as soon.
    let mut silent = TcpStream::connect(server.addr).await.unwrap();
    let took = closed_within(&mut silent, Duration::from_secs(5)).await;
    assert!(
        took >= short(300) && took < Duration::from_secs(3),
        "{took:?}"
    );
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_the_idle_time() {
    let server = start(with_limits(ConnectionLimits {
        idle_timeout: short(500),
        ..ConnectionLimits::default()
    }))
    .await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    for _ in 0..2 {
        stream
            .write_all(b"GET /livez HTTP/1.1\r\nHost: t\r\n\r\n")
            .await
            .unwrap();
        assert_eq!(read_answer(&mut stream).await.status, 200);
    }
    let took = closed_within(&mut stream, Duration::from_secs(5)).await;
    assert!(took >= short(400), "{took:?}");
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[tokio::test]
async fn a_client_that_does_not_read_is_closed_after_the_idle_time() {
    let server = start(with_limits(ConnectionLimits {
        idle_timeout: short(500),
        ..ConnectionLimits::default()
    }))
    .await;
    // A small receive window and many requests whose answers are never read: the server's
    // writes stop making progress once the buffers between are full.
    let socket = TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let mut stream = socket.connect(server.addr).await.unwrap();
    let request = b"GET /api/openapi.json HTTP/1.1\r\nHost: t\r\n\r\n".repeat(300);
    stream.write_all(&request).await.unwrap();
    tokio::time::sleep(Duration::from_secs(2)).await;
    // By now the server has given up on the connection: reading drains what was sent, then
    // meets its end (a keep-alive connection would stay open and this would time out).
    closed_within(&mut stream, Duration::from_secs(10)).await;
}

#[tokio::test]
async fn a_body_that_does_not_arrive_in_time_is_answered_408_and_closed() {
    let server = start(with_limits(ConnectionLimits {
        body_timeout: short(400),
        ..ConnectionLimits::default()
    }))
    .await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let request = sample_request(CASE);
    // All but the last bytes of the body.
    stream
        .write_all(&request[..request.len() - 5])
        .await
        .unwrap();
    let start = Instant::now();
    let answer = read_answer(&mut stream).await;
    assert!(start.elapsed() >= short(300), "{:?}", start.elapsed());
    assert_eq!(answer.status, 408);
    assert_eq!(answer.error_code(), "request_timeout");
    assert_eq!(answer.header("connection"), Some("close"));
    closed_within(&mut stream, Duration::from_secs(3)).await;
}

#[tokio::test]
async fn connections_beyond_the_limit_wait_until_one_closes() {
    let server = start(with_limits(ConnectionLimits {
        max_connections: 2,
        ..ConnectionLimits::default()
    }))
    .await;
    let mut first = TcpStream::connect(server.addr).await.unwrap();
    first
        .write_all(b"GET /livez HTTP/1.1\r\nHost: t\r\n\r\n")
        .await
        .unwrap();
    assert_eq!(read_answer(&mut first).await.status, 200);
    let _second = TcpStream::connect(server.addr).await.unwrap();
    tokio::time::sleep(short(100)).await;

    // The third connects (the kernel queues it) but is not served while two are open.
    let mut third = TcpStream::connect(server.addr).await.unwrap();
    third
        .write_all(b"GET /livez HTTP/1.1\r\nHost: t\r\n\r\n")
        .await
        .unwrap();
    let waiting = tokio::time::timeout(short(500), read_answer(&mut third)).await;
    assert!(waiting.is_err(), "served beyond the limit: {waiting:?}");

    drop(first);
    let served = tokio::time::timeout(Duration::from_secs(5), read_answer(&mut third)).await;
    assert_eq!(served.map(|answer| answer.status).ok(), Some(200));
}

#[tokio::test]
async fn over_long_uris_and_headers_are_refused_in_the_error_shape() {
    let server = start(Config::default()).await;
    let fine = ask(server.addr, b"GET /livez HTTP/1.1\r\nHost: t\r\n\r\n").await;
    assert_eq!(fine.status, 200);

    let long_uri = format!(
        "GET /livez?pad={} HTTP/1.1\r\nHost: t\r\n\r\n",
        "a".repeat(9 * 1024)
    );
    let answer = ask(server.addr, long_uri.as_bytes()).await;
    assert_eq!(answer.status, 414);
    assert_eq!(answer.error_code(), "uri_too_long");

    let big_header = format!(
        "GET /livez HTTP/1.1\r\nHost: t\r\nX-Pad: {}\r\n\r\n",
        "a".repeat(20 * 1024)
    );
    let answer = ask(server.addr, big_header.as_bytes()).await;
    assert_eq!(answer.status, 431);
    assert_eq!(answer.error_code(), "headers_too_large");

    let many: String = (0..150).map(|n| format!("X-{n}: y\r\n")).collect();
    let many_headers = format!("GET /livez HTTP/1.1\r\nHost: t\r\n{many}\r\n");
    let answer = ask(server.addr, many_headers.as_bytes()).await;
    assert_eq!(answer.status, 431);
    assert_eq!(answer.error_code(), "headers_too_large");

    // Past the HTTP layer's buffer (twice the limits) it answers by itself, without a body,
    // and closes the connection.
    let huge_header = format!(
        "GET /livez HTTP/1.1\r\nHost: t\r\nX-Pad: {}\r\n\r\n",
        "a".repeat(100 * 1024)
    );
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let _ = stream.write_all(huge_header.as_bytes()).await;
    // The rest of the head is unread when the server closes, so the answer may be lost to the
    // connection's reset; if it arrives, it is the bare one.
    let mut received = Vec::new();
    let closed =
        tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut received)).await;
    assert!(closed.is_ok(), "the connection stayed open");
    let text = String::from_utf8_lossy(&received).to_ascii_lowercase();
    assert!(
        received.is_empty()
            || (text.starts_with("http/1.1 431") && text.contains("content-length: 0")),
        "{text}"
    );
}

#[tokio::test]
async fn the_quota_of_anonymous_decisions_is_per_client_address() {
    let server = start(Config {
        decide: DecideLimits {
            per_minute: 1,
            burst: 2,
            ..DecideLimits::default()
        },
        ..Config::default()
    })
    .await;
    for _ in 0..2 {
        assert_eq!(ask(server.addr, &sample_request(CASE)).await.status, 200);
    }
    // Requests pipelined behind a refused one are not served: the connection is closed.
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(&sample_request(CASE).repeat(5))
        .await
        .unwrap();
    let refused = read_answer(&mut stream).await;
    assert_eq!(refused.status, 429);
    assert_eq!(refused.error_code(), "too_many_requests");
    let seconds: u64 = refused.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&seconds), "{seconds}");
    assert_eq!(refused.header("connection"), Some("close"));
    closed_within(&mut stream, Duration::from_secs(3)).await;

    // Another address has its own quota.
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.2:0".parse().unwrap()).unwrap();
    let mut other = socket.connect(server.addr).await.unwrap();
    other.write_all(&sample_request(CASE)).await.unwrap();
    assert_eq!(read_answer(&mut other).await.status, 200);
}

#[tokio::test]
async fn stopping_lets_the_request_under_way_finish() {
    let mut server = start(Config::default()).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let request = sample_request(CASE);
    stream
        .write_all(&request[..request.len() - 5])
        .await
        .unwrap();
    tokio::time::sleep(short(100)).await;
    let _ = server.stop.take().unwrap().send(());
    tokio::time::sleep(short(100)).await;
    // New connections are refused, the one under way is answered.
    assert!(TcpStream::connect(server.addr).await.is_err());
    stream
        .write_all(&request[request.len() - 5..])
        .await
        .unwrap();
    assert_eq!(read_answer(&mut stream).await.status, 200);
    let stopped = tokio::time::timeout(Duration::from_secs(5), &mut server.task).await;
    assert!(matches!(stopped, Ok(Ok(Ok(())))), "{stopped:?}");
}
