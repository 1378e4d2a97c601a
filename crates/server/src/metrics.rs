//! Request counters and durations in the Prometheus text format, written by hand: a few
//! dozen lines do not justify a metrics framework.
//!
//! Routes are labelled by their pattern (`/api/v1/decide/{kind}`), never by the path asked
//! for, so that a scan of random addresses cannot grow the label set without bound.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// Upper bounds of the duration histogram, in seconds.
const BUCKETS: [f64; 11] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The label of requests that matched no route.
pub const UNMATCHED: &str = "unmatched";

#[derive(Debug)]
pub struct Metrics {
    started: SystemTime,
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    requests: BTreeMap<(&'static str, String, u16), u64>,
    durations: BTreeMap<(&'static str, String), Histogram>,
}

#[derive(Debug, Default)]
struct Histogram {
    /// Observations per bucket (not cumulative); the last slot is above every bound.
    counts: [u64; BUCKETS.len() + 1],
    sum: f64,
    count: u64,
}

impl Metrics {
    pub fn new(started: SystemTime) -> Metrics {
        Metrics {
            started,
            inner: Mutex::new(Inner::default()),
        }
    }

    pub fn record(&self, method: &Method, route: &str, status: StatusCode, elapsed: Duration) {
        let method = method_label(method);
        // A panic elsewhere while holding the lock leaves counters that are still usable.
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        *inner
            .requests
            .entry((method, route.to_owned(), status.as_u16()))
            .or_default() += 1;
        let histogram = inner
            .durations
            .entry((method, route.to_owned()))
            .or_default();
        let seconds = elapsed.as_secs_f64();
        let slot = BUCKETS
            .iter()
            .position(|bound| seconds <= *bound)
            .unwrap_or(BUCKETS.len());
        if let Some(count) = histogram.counts.get_mut(slot) {
            *count += 1;
        }
        histogram.sum += seconds;
        histogram.count += 1;
    }

    /// The exposition text (format 0.0.4).
    pub fn render(&self) -> String {
        let inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let mut out = String::new();
        out.push_str(
            "# HELP shinrai_http_requests_total HTTP requests answered, by method, route and status.\n\
             # TYPE shinrai_http_requests_total counter\n",
        );
        for ((method, route, status), count) in &inner.requests {
            let _ = writeln!(
                out,
                "shinrai_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {count}",
                escape(route)
            );
        }
        out.push_str(
            "# HELP shinrai_http_request_duration_seconds Time to answer a request, by method and route.\n\
             # TYPE shinrai_http_request_duration_seconds histogram\n",
        );
        for ((method, route), histogram) in &inner.durations {
            let labels = format!("method=\"{method}\",route=\"{}\"", escape(route));
            let mut cumulative = 0;
            for (bound, count) in BUCKETS.iter().zip(&histogram.counts) {
                cumulative += count;
                let _ = writeln!(
                    out,
                    "shinrai_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {cumulative}"
                );
            }
            let _ = writeln!(
                out,
                "shinrai_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}\n\
                 shinrai_http_request_duration_seconds_sum{{{labels}}} {}\n\
                 shinrai_http_request_duration_seconds_count{{{labels}}} {}",
                histogram.count, histogram.sum, histogram.count
            );
        }
        let started = self
            .started
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs_f64();
        let _ = write!(
            out,
            "# HELP process_start_time_seconds Start time of the process since the Unix epoch in seconds.\n\
             # TYPE process_start_time_seconds gauge\n\
             process_start_time_seconds {started}\n\
             # HELP shinrai_build_info The version of shinrai that is running.\n\
             # TYPE shinrai_build_info gauge\n\
             shinrai_build_info{{version=\"{}\"}} 1\n",
            escape(env!("CARGO_PKG_VERSION"))
        );
        out
    }
}

/// Counts every request under its route pattern, with its status and duration.
pub async fn track(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| UNMATCHED.to_owned(), |path| path.as_str().to_owned());
    let start = Instant::now();
    let response = next.run(request).await;
    metrics.record(&method, &route, response.status(), start.elapsed());
    response
}

/// Standard methods by name; anything else under one label, to bound the label set.
fn method_label(method: &Method) -> &'static str {
    match method.as_str() {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "PATCH" => "PATCH",
        "DELETE" => "DELETE",
        "OPTIONS" => "OPTIONS",
        "TRACE" => "TRACE",
        "CONNECT" => "CONNECT",
        _ => "other",
    }
}

/// Label values escape backslash, double quote and line feed.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_cumulative_buckets() {
        let metrics = Metrics::new(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
        let route = "/api/v1/decide/{kind}";
        metrics.record(
            &Method::POST,
            route,
            StatusCode::OK,
            Duration::from_millis(3),
        );
        metrics.record(
            &Method::POST,
            route,
            StatusCode::OK,
            Duration::from_millis(30),
        );
        metrics.record(
            &Method::POST,
            route,
            StatusCode::NOT_FOUND,
            Duration::from_secs(20),
        );
        metrics.record(
            &Method::from_bytes(b"BREW").unwrap(),
            UNMATCHED,
            StatusCode::NOT_FOUND,
            Duration::ZERO,
        );
        let text = metrics.render();
        for line in [
            "shinrai_http_requests_total{method=\"POST\",route=\"/api/v1/decide/{kind}\",status=\"200\"} 2",
            "shinrai_http_requests_total{method=\"POST\",route=\"/api/v1/decide/{kind}\",status=\"404\"} 1",
            "shinrai_http_requests_total{method=\"other\",route=\"unmatched\",status=\"404\"} 1",
            "shinrai_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/decide/{kind}\",le=\"0.005\"} 1",
            "shinrai_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/decide/{kind}\",le=\"0.05\"} 2",
            "shinrai_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/decide/{kind}\",le=\"10\"} 2",
            "shinrai_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/decide/{kind}\",le=\"+Inf\"} 3",
            "shinrai_http_request_duration_seconds_count{method=\"POST\",route=\"/api/v1/decide/{kind}\"} 3",
            "process_start_time_seconds 1700000000",
        ] {
            assert!(text.lines().any(|l| l == line), "missing {line}\n{text}");
        }
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
