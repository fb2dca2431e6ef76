//! Re-frames stdin before tower-lsp-server reads it. Its codec fails on a header line it cannot parse, a
//! third header, a body that is not UTF-8 or not a JSON-RPC message, and any such failure ends its input
//! stream: one bad frame would leave the server deaf. Here every frame is read leniently, garbage is skipped up
//! to the next `Content-Length`, and only frames holding a JSON-RPC message are passed on.

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tower_lsp_server::jsonrpc::{Request, Response};

/// Header lines longer than this are garbage (real ones are `Content-Length: 123`), read in pieces.
const MAX_HEADER_LINE: u64 = 8 * 1024;
const CONTENT_LENGTH: &[u8] = b"Content-Length";

/// Copies the frames of `input` to `output` as clean `Content-Length` frames, until `input` ends.
pub async fn reframe(
    input: impl AsyncRead + Unpin,
    mut output: impl AsyncWrite + Unpin,
) -> std::io::Result<()> {
    let mut input = BufReader::new(input);
    let mut line = Vec::new();
    loop {
        // Headers, up to an empty line.
        let mut length = None;
        let mut any_header = false;
        loop {
            line.clear();
            let read = (&mut input)
                .take(MAX_HEADER_LINE)
                .read_until(b'\n', &mut line)
                .await?;
            if read == 0 {
                return Ok(());
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
            let (name, value) = (&header[..colon], &header[colon + 1..]);
            if name.eq_ignore_ascii_case(CONTENT_LENGTH) {
                length = std::str::from_utf8(value)
                    .ok()
                    .and_then(|v| v.trim().parse::<usize>().ok());
            }
        }
        let Some(length) = length else {
            tracing::warn!("skipping a frame without a valid Content-Length");
            continue;
        };
        // Read as it arrives rather than allocating what the header claims.
        let mut body = Vec::new();
        (&mut input)
            .take(length as u64)
            .read_to_end(&mut body)
            .await?;
        if body.len() < length {
            return Ok(());
        }
        // tower-lsp-server stops reading for good after a frame it cannot decode (its codec errors end the
        // input stream), so such a frame is dropped here. It has no usable id to answer anyway.
        let body = match String::from_utf8(body) {
            Ok(body) if is_json_rpc(&body) => body,
            _ => {
                tracing::warn!("skipping a frame that is not a JSON-RPC message ({length} bytes)");
                continue;
            }
        };
        output
            .write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
            .await?;
        output.write_all(body.as_bytes()).await?;
        output.flush().await?;
    }
}

/// Whether tower-lsp-server can decode `body`: a JSON-RPC request, notification or response.
fn is_json_rpc(body: &str) -> bool {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    #[allow(dead_code)]
    enum Message {
        Response(Response),
        Request(Request),
    }
    serde_json::from_str::<Message>(body).is_ok()
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let end = line
        .iter()
        .rposition(|&b| b != b'\n' && b != b'\r')
        .map_or(0, |p| p + 1);
    &line[..end]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXIT: &str = r#"{"jsonrpc":"2.0","method":"exit"}"#;
    const FRAMED_EXIT: &str = "Content-Length: 33\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}";

    async fn reframed(input: &[u8]) -> String {
        let mut output = Vec::new();
        reframe(input, &mut output).await.unwrap();
        String::from_utf8(output).unwrap()
    }

    fn run(input: &[u8]) -> String {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(reframed(input))
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
    fn bodies_that_are_not_json_rpc_are_dropped() {
        let mut input = b"Content-Length: 3\r\n\r\n\xff\xfe{".to_vec();
        for body in [
            "{not json",
            "[1]",
            r#"{"jsonrpc":"2.0","id":{}}"#,
            r#"{"method":5}"#,
        ] {
            input.extend(format!("Content-Length: {}\r\n\r\n{body}", body.len()).bytes());
        }
        input.extend(FRAMED_EXIT.bytes());
        assert_eq!(run(&input), FRAMED_EXIT);
    }

    #[test]
    fn json_rpc_messages_are_told_from_garbage() {
        assert!(is_json_rpc(EXIT));
        assert!(is_json_rpc(r#"{"jsonrpc":"2.0","id":1,"result":null}"#));
        assert!(is_json_rpc(
            r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":7}"#
        ));
        // A response to a request never sent: tower-lsp-server decodes it, and ignores it.
        assert!(is_json_rpc(r#"{"jsonrpc":"2.0","id":7}"#));
        assert!(!is_json_rpc(r#"{"jsonrpc":"2.0","id":[]}"#));
        assert!(!is_json_rpc(r#"{"jsonrpc":"1.0","method":"exit"}"#));
        assert!(!is_json_rpc("{not json"));
        assert!(!is_json_rpc("[1]"));
    }

    #[test]
    fn a_truncated_stream_ends_quietly() {
        assert_eq!(run(b"Content-Length: 99\r\n\r\n{}"), "");
        assert_eq!(run(b"Content-Length: 2\r\n"), "");
        assert_eq!(run(&[b'x'; 100_000]), "");
    }
}
