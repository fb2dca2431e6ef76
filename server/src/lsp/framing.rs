//! Re-frames stdin before tower-lsp-server reads it, and merges what goes out on stdout. Its codec fails on a
//! header line it cannot parse, a third header, a body that is not UTF-8 or not a JSON-RPC message, and any
//! such failure ends its input stream: one bad frame would leave the server deaf. Here every frame is read
//! leniently, garbage is skipped up to the next `Content-Length`, and a body that is not a usable message is
//! answered here (Parse error, Invalid Request, Invalid params naming the param, as JSON-RPC 2.0 asks) instead
//! of reaching tower-lsp-server. What the server writes is queued frame by frame as it writes it
//! (`ServerOutput`), and each frame leaves in one write.

use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tower_lsp_server::jsonrpc::{Id, Request, Response};

use super::params;

/// Header lines longer than this are garbage (real ones are `Content-Length: 123`), read in pieces.
const MAX_HEADER_LINE: u64 = 8 * 1024;
const CONTENT_LENGTH: &[u8] = b"Content-Length";

/// What goes to stdout: a message body, or the end of the server's own output.
#[derive(Debug)]
pub enum Outgoing {
    Message(String),
    End,
}

/// Copies the frames of `input` to `server` as clean `Content-Length` frames, until `input` ends. A frame the
/// server cannot take is answered on `replies` instead.
pub async fn reframe(
    input: impl AsyncRead + Unpin,
    mut server: impl AsyncWrite + Unpin,
    replies: UnboundedSender<Outgoing>,
) -> std::io::Result<()> {
    let mut input = BufReader::new(input);
    let mut together = Vec::new();
    while let Some(body) = read_frame(&mut input).await? {
        match classify(body) {
            Ok(body) => together.extend(frame(&body)),
            Err(Some(reply)) => {
                // The writer is gone only when the server has ended: nothing is left to answer.
                let _ = replies.send(Outgoing::Message(reply));
            }
            Err(None) => {}
        }
        // Frames that arrived together reach the server in one write, so it decodes them in one read: a
        // `$/cancelRequest` sent right behind its request is then handled before the request's one yield
        // ends (cancel.rs). Written one by one, a busy machine could run the request between the two writes
        // and answer it. Only whole frames wait: a partial one may never be completed.
        if whole_frame(input.buffer()).is_none() {
            server.write_all(&together).await?;
            together.clear();
        }
    }
    server.write_all(&together).await?;
    Ok(())
}

/// `reframe` on a thread of its own, reading `input` (stdin) with blocking reads: it runs the same async code
/// on a runtime of its own, where blocking is all there is to do.
pub fn reframe_blocking(
    input: impl std::io::Read + Unpin,
    server: impl AsyncWrite + Unpin,
    replies: UnboundedSender<Outgoing>,
) {
    let runtime = tokio::runtime::Builder::new_current_thread().build();
    let read = runtime.map(|runtime| runtime.block_on(reframe(Blocking(input), server, replies)));
    if let Err(error) = read {
        tracing::error!("reading the input: {error}");
    }
}

/// A blocking reader as an async one, for a thread that has nothing else to do while it waits.
struct Blocking<R>(R);

impl<R: std::io::Read + Unpin> AsyncRead for Blocking<R> {
    fn poll_read(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let input = &mut self.get_mut().0;
        let read = loop {
            match input.read(buf.initialize_unfilled()) {
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                read => break read,
            }
        };
        Poll::Ready(read.map(|n| buf.advance(n)))
    }
}

/// What tower-lsp-server writes to: each frame is queued on `outgoing` as soon as it is written, in the same
/// poll, and `End` when the server drops it. (Through a pipe read by another task, an answer waited for
/// that task's turn, after the work the edit's diagnostics did meanwhile on the same thread.)
pub struct ServerOutput {
    outgoing: UnboundedSender<Outgoing>,
    /// Bytes of a frame not written whole yet.
    pending: Vec<u8>,
}

impl ServerOutput {
    pub fn new(outgoing: UnboundedSender<Outgoing>) -> Self {
        ServerOutput {
            outgoing,
            pending: Vec::new(),
        }
    }
}

impl AsyncWrite for ServerOutput {
    fn poll_write(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        bytes: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        this.pending.extend_from_slice(bytes);
        let mut taken = 0;
        while let Some((body, end)) = whole_frame(&this.pending[taken..]) {
            let body = String::from_utf8_lossy(&this.pending[taken..][body]).into_owned();
            // The writer is gone only when the output is closed: nothing can be sent any more.
            let _ = this.outgoing.send(Outgoing::Message(body));
            taken += end;
        }
        this.pending.drain(..taken);
        Poll::Ready(Ok(bytes.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

impl Drop for ServerOutput {
    fn drop(&mut self) {
        let _ = self.outgoing.send(Outgoing::End);
    }
}

/// The first frame of `bytes` (tower-lsp-server's own: a `Content-Length` header, a blank line, the body) if
/// it is all there: the body's range and where the frame ends.
fn whole_frame(bytes: &[u8]) -> Option<(std::ops::Range<usize>, usize)> {
    let blank = find(bytes, b"\r\n\r\n")?;
    let length = bytes[..blank].split(|&b| b == b'\n').find_map(|header| {
        let header = trim_line_end(header);
        let colon = header.iter().position(|&b| b == b':')?;
        content_length(header, colon)?
    })?;
    let start = blank + 4;
    (bytes.len() >= start + length).then_some((start..start + length, start + length))
}

/// Writes every outgoing message as one whole frame, so replies made here never interleave with the
/// server's, until the server's output ends.
pub async fn write_output(
    mut outgoing: UnboundedReceiver<Outgoing>,
    mut output: impl AsyncWrite + Unpin,
) -> std::io::Result<()> {
    while let Some(Outgoing::Message(body)) = outgoing.recv().await {
        output.write_all(&frame(&body)).await?;
        output.flush().await?;
    }
    Ok(())
}

/// `write_output` on a blocking thread of its own, for stdout: a frame goes out in one `write` the moment it
/// is queued, without waiting for the async thread (tokio's stdout hands each write and flush to a blocking
/// thread and waits for it, three round trips per frame).
pub fn write_output_blocking(
    mut outgoing: UnboundedReceiver<Outgoing>,
    mut output: impl std::io::Write,
) -> std::io::Result<()> {
    while let Some(Outgoing::Message(body)) = outgoing.blocking_recv() {
        output.write_all(&frame(&body))?;
        output.flush()?;
    }
    Ok(())
}

/// `body` with its header, as one buffer.
fn frame(body: &str) -> Vec<u8> {
    let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    frame.extend_from_slice(body.as_bytes());
    frame
}

/// The body of the next frame that has a valid `Content-Length`, skipping garbage; `None` at the end.
async fn read_frame(
    input: &mut (impl AsyncBufReadExt + Unpin),
) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    loop {
        // Headers, up to an empty line.
        let mut length = None;
        let mut any_header = false;
        loop {
            line.clear();
            let read = (&mut *input)
                .take(MAX_HEADER_LINE)
                .read_until(b'\n', &mut line)
                .await?;
            if read == 0 {
                return Ok(None);
            }
            // A frame glued to garbage (a body shorter than its length said): start at its header.
            if let Some(at) = find(&line, CONTENT_LENGTH).filter(|&at| at > 0) {
                line.drain(..at);
            }
            let header = trim_line_end(&line);
            if header.is_empty() {
                if any_header {
                    break;
                }
                continue;
            }
            any_header = true;
            let Some(colon) = header.iter().position(|&b| b == b':') else {
                tracing::warn!("skipping a malformed header line");
                continue;
            };
            if let Some(value) = content_length(header, colon) {
                length = value;
            }
        }
        let Some(length) = length else {
            tracing::warn!("skipping a frame without a valid Content-Length");
            continue;
        };
        // Read as it arrives rather than allocating what the header claims.
        let mut body = Vec::new();
        (&mut *input)
            .take(length as u64)
            .read_to_end(&mut body)
            .await?;
        if body.len() < length {
            return Ok(None);
        }
        return Ok(Some(body));
    }
}

/// `Ok(body)` for a message tower-lsp-server can take; else the error response to send (`None` when the
/// message is a notification or a response, which get no answer).
fn classify(body: Vec<u8>) -> Result<String, Option<String>> {
    let Ok(body) = String::from_utf8(body) else {
        tracing::warn!("answering a frame that is not UTF-8 with a parse error");
        return Err(Some(error_response(
            &serde_json::Value::Null,
            -32700,
            "Parse error: the body is not UTF-8",
        )));
    };
    // The common case, read once and the way tower-lsp-server's codec and router read it: a request or a
    // notification with a method. Anything else is looked at member by member below.
    let decoded = decode(&body);
    if let Some(Message::Request(request)) = &decoded {
        if !request.method().is_empty() {
            let id = request.id().filter(|id| !matches!(id, Id::Null));
            if let Some(id) = id {
                if let Some(problem) = params::problem(request.method(), request.params()) {
                    let id = serde_json::to_value(id).unwrap_or(serde_json::Value::Null);
                    return Err(Some(error_response(&id, -32602, &problem)));
                }
            }
            return Ok(body);
        }
    }
    let value: serde_json::Value = match serde_json::from_str(&body) {
        Ok(value) => value,
        Err(error) => {
            tracing::warn!("answering a frame that is not JSON with a parse error");
            let message = format!("Parse error: the body is not JSON ({error})");
            return Err(Some(error_response(
                &serde_json::Value::Null,
                -32700,
                &message,
            )));
        }
    };
    let id = value
        .get("id")
        .filter(|id| id.is_number() || id.is_string());
    // Neither a request (no method) nor a response (no result, no error): tower-lsp-server would take it for
    // a response to nothing and say nothing.
    let is_nothing = ["method", "result", "error"]
        .iter()
        .all(|key| value.get(key).is_none());
    if decoded.is_none() || (is_nothing && id.is_some()) {
        tracing::warn!("answering a JSON body that is not a JSON-RPC message with Invalid Request");
        let message = "Invalid Request: not a JSON-RPC 2.0 request, notification or response";
        // A response that is malformed is not answered, as JSON-RPC asks of responses.
        let is_response = value.get("result").is_some() || value.get("error").is_some();
        if is_response && value.get("method").is_none() {
            return Err(None);
        }
        return Err(Some(error_response(
            id.unwrap_or(&serde_json::Value::Null),
            -32600,
            message,
        )));
    }
    if let (Some(id), Some(method)) = (id, value.get("method").and_then(|m| m.as_str())) {
        if let Some(problem) = params::problem(method, value.get("params")) {
            return Err(Some(error_response(id, -32602, &problem)));
        }
    }
    Ok(body)
}

fn error_response(id: &serde_json::Value, code: i64, message: &str) -> String {
    serde_json::json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
        .to_string()
}

/// A message as tower-lsp-server's codec decodes it (the same untagged enum, from the same text: a body it
/// cannot decode, duplicate members included, is one it would drop).
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Message {
    // Read only to be decoded as the codec decodes it.
    #[allow(dead_code)]
    Response(Response),
    Request(Request),
}

/// `body` decoded as tower-lsp-server decodes it: a JSON-RPC request, notification or response.
fn decode(body: &str) -> Option<Message> {
    serde_json::from_str::<Message>(body).ok()
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let end = line
        .iter()
        .rposition(|&b| b != b'\n' && b != b'\r')
        .map_or(0, |p| p + 1);
    &line[..end]
}

/// The length a header line says, if it is `Content-Length` (split at its `colon`): `Some(None)` when its
/// value is no length.
fn content_length(header: &[u8], colon: usize) -> Option<Option<usize>> {
    let (name, value) = (&header[..colon], &header[colon + 1..]);
    name.eq_ignore_ascii_case(CONTENT_LENGTH).then(|| {
        std::str::from_utf8(value)
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXIT: &str = r#"{"jsonrpc":"2.0","method":"exit"}"#;
    const FRAMED_EXIT: &str = "Content-Length: 33\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}";

    /// What reaches the server, and the replies made here.
    async fn reframed_and_replies(input: &[u8]) -> (String, Vec<serde_json::Value>) {
        let mut output = Vec::new();
        let (replies, mut queue) = tokio::sync::mpsc::unbounded_channel();
        reframe(input, &mut output, replies).await.unwrap();
        let mut answered = Vec::new();
        while let Ok(Outgoing::Message(reply)) = queue.try_recv() {
            answered.push(serde_json::from_str(&reply).unwrap());
        }
        (String::from_utf8(output).unwrap(), answered)
    }

    fn run_with_replies(input: &[u8]) -> (String, Vec<serde_json::Value>) {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(reframed_and_replies(input))
    }

    fn run(input: &[u8]) -> String {
        run_with_replies(input).0
    }

    /// A reader that returns one chunk per read, as a pipe does with the client's writes.
    struct Chunks(std::collections::VecDeque<Vec<u8>>);

    impl AsyncRead for Chunks {
        fn poll_read(
            self: Pin<&mut Self>,
            _: &mut Context<'_>,
            buf: &mut tokio::io::ReadBuf<'_>,
        ) -> Poll<std::io::Result<()>> {
            if let Some(chunk) = self.get_mut().0.pop_front() {
                buf.put_slice(&chunk);
            }
            Poll::Ready(Ok(()))
        }
    }

    /// Each write the server's input receives.
    #[derive(Default)]
    struct Writes(Vec<String>);

    impl AsyncWrite for Writes {
        fn poll_write(
            self: Pin<&mut Self>,
            _: &mut Context<'_>,
            bytes: &[u8],
        ) -> Poll<std::io::Result<usize>> {
            self.get_mut()
                .0
                .push(String::from_utf8(bytes.to_vec()).unwrap());
            Poll::Ready(Ok(bytes.len()))
        }
        fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
            Poll::Ready(Ok(()))
        }
        fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
            Poll::Ready(Ok(()))
        }
    }

    #[test]
    fn frames_read_together_reach_the_server_in_one_write_and_a_partial_one_does_not_hold_them() {
        let (head, tail) = FRAMED_EXIT.split_at(10);
        let input = Chunks(
            [format!("{FRAMED_EXIT}{FRAMED_EXIT}{head}"), tail.to_owned()]
                .map(String::into_bytes)
                .into(),
        );
        let mut writes = Writes::default();
        let (replies, _queue) = tokio::sync::mpsc::unbounded_channel();
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(reframe(input, &mut writes, replies))
            .unwrap();
        assert_eq!(
            writes.0,
            [
                format!("{FRAMED_EXIT}{FRAMED_EXIT}"),
                FRAMED_EXIT.to_owned()
            ]
        );
    }

    #[test]
    fn good_frames_pass_unchanged() {
        let frames = format!(
            "Content-Length: 33\r\n\r\n{EXIT}Content-Length: 33\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{EXIT}"
        );
        assert_eq!(
            run(frames.as_bytes()),
            format!("{FRAMED_EXIT}{FRAMED_EXIT}")
        );
    }

    #[test]
    fn garbage_headers_are_skipped_up_to_the_next_frame() {
        let input = b"Content-Length: abc\r\n\r\n{\"a\":1}Content-Length: -5\r\n\r\n\
            garbage without a colon\r\n\r\nX-One: 1\r\nX-Two: 2\r\nX-Three: 3\r\n\r\n\
            Content-Length: 2\r\n\r\n[]Content-Length: 33\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}";
        assert_eq!(run(input), FRAMED_EXIT);
    }

    #[test]
    fn bodies_that_are_not_json_rpc_are_answered_here() {
        let mut input = b"Content-Length: 3\r\n\r\n\xff\xfe{".to_vec();
        for body in [
            "{not json",
            "[1]",
            r#"{"jsonrpc":"2.0","id":3,"method":5}"#,
            r#"{"jsonrpc":"2.0","id":{},"result":1}"#,
            r#"{"jsonrpc":"2.0","id":7}"#,
            r#"{"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":1}}"#,
            r#"{"jsonrpc":"2.0","id":"a","method":"textDocument/hover","params":{"textDocument":1}}"#,
            // The codec drops a body with a member twice: answered here, with the id JSON reads.
            r#"{"jsonrpc":"2.0","id":5,"id":6,"method":"textDocument/hover"}"#,
        ] {
            input.extend(format!("Content-Length: {}\r\n\r\n{body}", body.len()).bytes());
        }
        input.extend(FRAMED_EXIT.bytes());
        let (forwarded, replies) = run_with_replies(&input);
        assert_eq!(forwarded, FRAMED_EXIT);
        let answers: Vec<_> = replies
            .iter()
            .map(|r| (r["id"].clone(), r["error"]["code"].clone()))
            .collect();
        // Not UTF-8 and not JSON: Parse error; JSON but no message: Invalid Request (with the id when it has
        // one); a malformed response: no answer; bad params: Invalid params.
        assert_eq!(
            answers,
            [
                (serde_json::Value::Null, serde_json::json!(-32700)),
                (serde_json::Value::Null, serde_json::json!(-32700)),
                (serde_json::Value::Null, serde_json::json!(-32600)),
                (serde_json::json!(3), serde_json::json!(-32600)),
                (serde_json::json!(7), serde_json::json!(-32600)),
                (serde_json::json!(4), serde_json::json!(-32602)),
                (serde_json::json!("a"), serde_json::json!(-32602)),
                (serde_json::json!(6), serde_json::json!(-32600)),
            ]
        );
        assert!(
            replies[5]["error"]["message"]
                .as_str()
                .unwrap()
                .contains("params.textDocument"),
            "{}",
            replies[5]
        );
    }

    #[test]
    fn json_rpc_messages_are_told_from_garbage() {
        assert!(decode(EXIT).is_some());
        assert!(decode(r#"{"jsonrpc":"2.0","id":1,"result":null}"#).is_some());
        assert!(
            decode(r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":7}"#)
                .is_some()
        );
        // tower-lsp-server decodes it (and ignores it): `classify` answers it as Invalid Request.
        assert!(decode(r#"{"jsonrpc":"2.0","id":7}"#).is_some());
        assert!(decode(r#"{"jsonrpc":"2.0","id":[]}"#).is_none());
        assert!(decode(r#"{"jsonrpc":"1.0","method":"exit"}"#).is_none());
        assert!(decode("{not json").is_none());
        assert!(decode("[1]").is_none());
    }

    /// The server's frames are queued whole however its writes cut them, in order, then `End` when it is
    /// dropped; the writers send each with its header.
    #[test]
    fn server_output_queues_whole_frames_and_writes_each_with_its_header() {
        let bodies = [EXIT, "{}", r#"{"jsonrpc":"2.0","id":1,"result":"é"}"#];
        let stream: String = bodies
            .iter()
            .map(|body| String::from_utf8(frame(body)).unwrap())
            .collect();
        for cut in [1, 3, 7, stream.len()] {
            let (outgoing, mut queue) = tokio::sync::mpsc::unbounded_channel();
            let mut output = ServerOutput::new(outgoing);
            let waker = std::task::Waker::noop();
            let mut context = Context::from_waker(waker);
            for piece in stream.as_bytes().chunks(cut) {
                let written = Pin::new(&mut output).poll_write(&mut context, piece);
                assert!(matches!(written, Poll::Ready(Ok(n)) if n == piece.len()));
            }
            drop(output);
            let mut queued = Vec::new();
            while let Ok(Outgoing::Message(body)) = queue.try_recv() {
                queued.push(body);
            }
            assert_eq!(queued, bodies, "writes of {cut} bytes");
            assert!(queue.try_recv().is_err(), "End is the last message");
        }
        let (outgoing, queue) = tokio::sync::mpsc::unbounded_channel();
        for body in bodies {
            outgoing.send(Outgoing::Message(body.to_owned())).unwrap();
        }
        outgoing.send(Outgoing::End).unwrap();
        let mut written = Vec::new();
        write_output_blocking(queue, &mut written).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), stream);
    }

    #[test]
    fn a_truncated_stream_ends_quietly() {
        assert_eq!(run(b"Content-Length: 99\r\n\r\n{}"), "");
        assert_eq!(run(b"Content-Length: 2\r\n"), "");
        assert_eq!(run(&[b'x'; 100_000]), "");
    }
}
