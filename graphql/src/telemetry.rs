//! Logging and tracing: `tracing` with pretty or JSON output, and OTLP trace export
//! when `OTEL_EXPORTER_OTLP_ENDPOINT` is set.
//!
//! Every request logs one line when it is answered: method, route (the matched
//! pattern, never the raw path), status, duration, request id and trace id. The trace
//! id is the caller's when it sends a W3C `traceparent`, a new one otherwise; spans
//! get OpenTelemetry ids whether or not they are exported, so a log line can always be
//! found in the traces. Colours only when standard error is a terminal (and
//! `NO_COLOR` is unset).
//!
//! Spans carry routes, request ids, operation names and codes — never personal data,
//! never query text or variables (a GraphQL literal can hold a name). That is also
//! why the gateway does not use async-graphql's own tracing extension, which records
//! the query source.

use std::io::IsTerminal as _;

use opentelemetry::propagation::Extractor;
use opentelemetry::trace::{TraceContextExt as _, TracerProvider as _};
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_opentelemetry::OpenTelemetrySpanExt as _;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

use crate::config::{LogConfig, LogFormat};

/// Flushes and shuts the exporter down when dropped.
#[derive(Debug)]
pub struct TelemetryGuard {
    provider: Option<SdkTracerProvider>,
}

impl Drop for TelemetryGuard {
    fn drop(&mut self) {
        if let Some(provider) = self.provider.take()
            && let Err(e) = provider.shutdown()
        {
            eprintln!("telemetry shutdown: {e}");
        }
    }
}

/// Installs the global subscriber. Call once, inside the tokio runtime.
pub fn init(log: &LogConfig) -> anyhow::Result<TelemetryGuard> {
    let filter = EnvFilter::try_from_default_env().or_else(|_| EnvFilter::try_new(&log.filter))?;
    let fmt = match log.format {
        LogFormat::Json => tracing_subscriber::fmt::layer()
            .json()
            .with_writer(std::io::stderr)
            .with_current_span(true)
            .with_span_list(false)
            .boxed(),
        LogFormat::Pretty => tracing_subscriber::fmt::layer()
            .with_target(false)
            .with_ansi(colours())
            .with_writer(std::io::stderr)
            .boxed(),
    };
    let endpoint_set = std::env::var("OTEL_EXPORTER_OTLP_ENDPOINT")
        .map(|v| !v.trim().is_empty())
        .unwrap_or(false);
    // Spans get trace ids even without an exporter: the request log line names its
    // trace, and a caller's traceparent is continued.
    let mut provider = SdkTracerProvider::builder()
        .with_resource(Resource::builder().with_service_name("wohnweg").build());
    if endpoint_set {
        // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and the other OTEL_* variables).
        let exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_tonic()
            .build()?;
        provider = provider.with_batch_exporter(exporter);
    }
    let provider = provider.build();
    let tracer = provider.tracer("wohnweg");
    opentelemetry::global::set_tracer_provider(provider.clone());
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
    let otel = tracing_opentelemetry::layer().with_tracer(tracer);
    let provider = Some(provider);
    tracing_subscriber::registry()
        .with(filter)
        .with(fmt)
        .with(otel)
        .try_init()?;
    Ok(TelemetryGuard { provider })
}

/// Colours on standard error: only on a terminal, and not when `NO_COLOR` is set.
fn colours() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Request headers as OpenTelemetry reads a propagated context from them.
struct Headers<'a>(&'a axum::http::HeaderMap);

impl Extractor for Headers<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }

    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(axum::http::HeaderName::as_str).collect()
    }
}

/// Makes `span` continue the caller's trace when the request carries a W3C
/// `traceparent`, and returns the span's trace id (hex), if it has one (none when
/// no subscriber with OpenTelemetry is installed, as in tests that build the app
/// without `init`).
pub fn continue_trace(span: &tracing::Span, headers: &axum::http::HeaderMap) -> Option<String> {
    let parent = opentelemetry::global::get_text_map_propagator(|p| p.extract(&Headers(headers)));
    if parent.span().span_context().is_valid() {
        // Fails only when the span is disabled, and then there is nothing to continue.
        let _ = span.set_parent(parent);
    }
    let id = span.context().span().span_context().trace_id();
    (id != opentelemetry::trace::TraceId::INVALID).then(|| id.to_string())
}
