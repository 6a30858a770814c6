"""Safe download of user URLs: a real HTTP server on loopback, real small audio files."""

from __future__ import annotations

import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import av
import httpcore
import lameenc
import numpy as np
import pytest
import soundfile as sf

import topline.fetch.addresses as addresses_mod
from topline.errors import FetchError, ForbiddenAddressError, TooLargeError, UndecodableAudioError
from topline.fetch import Fetched, check_destination, check_url, fetch_url, mime_for, post_bytes, sniff_audio

SR = 16000
TONE = (0.2 * np.sin(2 * np.pi * 440 * np.arange(SR // 4) / SR)).astype(np.float32)


# --- audio files ---------------------------------------------------------------------------------


def _soundfile(fmt: str, subtype: str | None = None) -> bytes:
    buf = io.BytesIO()
    sf.write(buf, TONE, SR, format=fmt, subtype=subtype)
    return buf.getvalue()


def _pyav(container: str, codec: str) -> bytes:
    buf = io.BytesIO()
    with av.open(buf, "w", format=container) as out:
        stream = out.add_stream(codec, rate=48000)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(TONE[None, :], format="flt", layout="mono")
        frame.sample_rate = SR
        resampler = av.AudioResampler(format=stream.format, layout="mono", rate=48000)
        for f in resampler.resample(frame):
            for packet in stream.encode(f):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buf.getvalue()


def _lame() -> bytes:
    enc = lameenc.Encoder()
    enc.set_bit_rate(64)
    enc.set_in_sample_rate(SR)
    enc.set_channels(1)
    enc.set_quality(7)
    return bytes(enc.encode((TONE * 32767).astype(np.int16).tobytes()) + enc.flush())


WAV = _soundfile("WAV")
HTML = b"<!DOCTYPE html><html><head><title>Download</title></head><body>not here</body></html>"


# --- sniffing ------------------------------------------------------------------------------------


@pytest.mark.parametrize("make, fmt", [
    (lambda: WAV, "wav"),
    (lambda: _soundfile("FLAC"), "flac"),
    (lambda: _soundfile("OGG", "VORBIS"), "ogg"),
    (lambda: _soundfile("AIFF"), "aiff"),
    (_lame, "mp3"),  # bare MPEG frames
    (lambda: _pyav("mp3", "libmp3lame"), "mp3"),  # with an ID3 tag
    (lambda: _pyav("adts", "aac"), "aac"),
    (lambda: _pyav("ipod", "aac"), "m4a"),
    (lambda: _pyav("mp4", "aac"), "m4a"),
    (lambda: _pyav("ogg", "libopus"), "ogg"),
    (lambda: _pyav("webm", "libopus"), "webm"),
])
def test_sniff_real_files(make, fmt):
    assert sniff_audio(make()) == fmt


def test_sniff_hand_built_headers():
    assert sniff_audio(b"RF64\xff\xff\xff\xffWAVEds64") == "wav"
    assert sniff_audio(b"FORM\x00\x00\x10\x00AIFCFVER") == "aiff"
    assert sniff_audio(b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00") == "m4a"
    # An ID3 tag in front of FLAC is FLAC, not MP3.
    assert sniff_audio(b"ID3\x03\x00\x00\x00\x00\x00\x05" + b"\x00" * 5 + b"fLaC\x00\x00\x00\x22") == "flac"
    assert sniff_audio(b"ID3\x03\x00\x00\x00\x00\x00\x05" + b"\x00" * 5) == "mp3"


@pytest.mark.parametrize("data", [
    HTML, b"{\"error\": \"no\"}", b"\x89PNG\r\n\x1a\n" + bytes(40), b"\x00" * 100, b"",
    b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00",  # a HEIF image, not MP4 audio
    b"OggS\x00\x02" + bytes(22) + b"\x80theora" + bytes(40),  # Ogg video
    b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska" + bytes(40),
    b"\xff\xfb\x90\x00" + bytes(2000),  # one plausible MPEG header, then no second frame
    bytes(np.random.default_rng(0).integers(0, 256, 4096, dtype=np.uint8)),
])
def test_sniff_refuses_non_audio(data):
    assert sniff_audio(data) is None


def test_mime_for():
    assert [mime_for(f) for f in ("mp3", "wav", "flac", "ogg", "m4a", "aac", "aiff", "webm")] == [
        "audio/mpeg", "audio/wav", "audio/flac", "audio/ogg", "audio/mp4", "audio/aac", "audio/aiff", "audio/webm"]
    assert mime_for(None) == "application/octet-stream"


# --- a real server on loopback -------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, *args):  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict | None = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        self.server.paths.append(self.path)
        path = self.path
        if path == "/song.mp3":  # a WAV file with a misleading name and header
            self._send(200, WAV, {"Content-Type": "audio/mpeg",
                                  "Content-Disposition": "attachment; filename=\"../My Song?.wav\""})
        elif path.startswith("/files/"):
            self._send(200, WAV, {"Content-Type": "application/octet-stream"})
        elif path == "/page":
            self._send(200, HTML, {"Content-Type": "audio/wav"})
        elif path == "/empty":
            self._send(200, b"")
        elif path == "/big-length":
            self._send(200, WAV[:100], {"Content-Length": str(2_000_000)})
            self.close_connection = True
        elif path == "/big-chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                for _ in range(40):
                    chunk = b"\x00" * 65536
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass
            self.close_connection = True
        elif path == "/slow":
            time.sleep(3)
            self._send(200, WAV)
        elif path == "/trickle":  # each read is quick, the whole download is not
            self.send_response(200)
            self.send_header("Content-Length", str(len(WAV)))
            self.end_headers()
            try:
                for i in range(0, len(WAV), 200):
                    self.wfile.write(WAV[i:i + 200])
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
            self.close_connection = True
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            target = f"{n - 1}" if n > 1 else "/files/a.wav"  # relative, then absolute path
            self._send(302, b"", {"Location": target})
        elif path == "/to-private":
            self._send(302, b"", {"Location": "http://10.1.2.3/secret"})
        elif path == "/to-metadata":
            self._send(307, b"", {"Location": "http://169.254.169.254/latest/meta-data/"})
        elif path == "/no-location":
            self._send(302)
        else:
            self._send(404, b"nope")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.paths: list[str] = []


@pytest.fixture(scope="module")
def server():
    srv = _Server()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def base(server):
    server.paths.clear()
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture
def connects(monkeypatch):
    """Every TCP connect the fetcher makes (to prove refusals happen before any)."""
    calls: list[tuple[str, int]] = []
    real = httpcore.SyncBackend.connect_tcp

    def spy(self, host, port, *args, **kwargs):
        calls.append((host, port))
        return real(self, host, port, *args, **kwargs)

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", spy)
    return calls


@pytest.fixture
def loopback_public(monkeypatch):
    """Treat 127.0.0.1 as a public address, so the loopback server can stand in for the internet."""
    real = addresses_mod.forbidden_kind
    monkeypatch.setattr(addresses_mod, "forbidden_kind",
                        lambda ip: None if str(ip) == "127.0.0.1" else real(ip))


# --- success -------------------------------------------------------------------------------------


def test_fetch_sniffs_content_not_name_or_header(base):
    got = fetch_url(f"{base}/song.mp3", allow_private=True)
    assert isinstance(got, Fetched)
    assert got.data == WAV
    assert got.format == "wav"  # the name says .mp3 and the header audio/mpeg
    assert got.content_type == "audio/mpeg"
    assert got.filename == "My Song_.wav"
    assert got.final_url == f"{base}/song.mp3"


def test_filename_from_url_path(base):
    got = fetch_url(f"{base}/files/take%201.wav?sig=abc", allow_private=True)
    assert got.filename == "take 1.wav"


def test_redirects_followed_and_rechecked(base, connects):
    got = fetch_url(f"{base}/hop/5", allow_private=True, max_redirects=5)
    assert got.final_url == f"{base}/files/a.wav"
    assert got.data == WAV


def test_public_looking_host_allowed_without_private_flag(base, loopback_public):
    got = fetch_url(f"{base}/files/x.wav", allow_private=False)
    assert got.format == "wav"


# --- failures from the server --------------------------------------------------------------------


def test_html_is_not_audio(base):
    with pytest.raises(UndecodableAudioError) as err:
        fetch_url(f"{base}/page", allow_private=True)
    assert str(err.value).startswith("uploadUrl is not audio (the first bytes are an HTML page)")
    assert err.value.api_code == 451


def test_404(base):
    with pytest.raises(FetchError) as err:
        fetch_url(f"{base}/missing", allow_private=True, field="fileUrl")
    assert str(err.value) == "fileUrl could not be fetched: the server answered 404 Not Found"
    assert err.value.api_code == 451 and err.value.field == "fileUrl"


def test_empty_body(base):
    with pytest.raises(FetchError, match="the server sent an empty file"):
        fetch_url(f"{base}/empty", allow_private=True)


def test_too_large_by_content_length(base):
    with pytest.raises(TooLargeError) as err:
        fetch_url(f"{base}/big-length", allow_private=True, max_bytes=1024 * 1024)
    assert str(err.value).startswith("uploadUrl is larger than 1 MB (the server announces 1.91 MB)")


def test_too_large_while_streaming(base):
    t0 = time.monotonic()
    with pytest.raises(TooLargeError) as err:
        fetch_url(f"{base}/big-chunked", allow_private=True, max_bytes=1024 * 1024)
    assert str(err.value).startswith("uploadUrl is larger than 1 MB;")
    assert time.monotonic() - t0 < 5


def test_slow_server_times_out(base):
    t0 = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetch_url(f"{base}/slow", allow_private=True, timeout_s=0.5)
    assert str(err.value) == "uploadUrl did not answer within 0.5 s"
    assert time.monotonic() - t0 < 1.5


def test_deadline_covers_whole_download(base):
    # About 80 writes 0.1 s apart: no single read waits long, the whole takes 8 s.
    t0 = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetch_url(f"{base}/trickle", allow_private=True, timeout_s=1.0)
    assert str(err.value) == "uploadUrl did not finish downloading within 1 s"
    assert time.monotonic() - t0 < 2.0


def test_redirect_limit(base):
    with pytest.raises(FetchError) as err:
        fetch_url(f"{base}/hop/6", allow_private=True, max_redirects=5)
    assert str(err.value) == "uploadUrl redirected more than 5 times; link to the file itself"


def test_redirect_without_location(base):
    with pytest.raises(FetchError, match="answered 302 Found without a Location"):
        fetch_url(f"{base}/no-location", allow_private=True)


@pytest.mark.parametrize("path, addr, kind", [
    ("/to-private", "10.1.2.3", "a private address"),
    ("/to-metadata", "169.254.169.254", "the cloud metadata address"),
])
def test_redirect_to_private_address_refused(base, server, loopback_public, connects, path, addr, kind):
    with pytest.raises(ForbiddenAddressError) as err:
        fetch_url(f"{base}{path}", allow_private=False)
    assert f"redirected to http://{addr}/" in str(err.value)
    assert f"which resolves to {kind} ({addr}); Topline only fetches public URLs" in str(err.value)
    assert [h for h, _ in connects] == ["127.0.0.1"]  # only the first hop was connected to
    assert server.paths == [path]


def test_dns_rebinding_caught_at_connect(base, server, monkeypatch, connects):
    # The first lookup (the pre-check) answers a public address, the next (the connect) loopback.
    answers = iter(["93.184.216.34", "127.0.0.1"])
    port = server.server_address[1]

    def fake(host, port_, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port_))]

    monkeypatch.setattr(addresses_mod.socket, "getaddrinfo", fake)
    with pytest.raises(ForbiddenAddressError, match=r"resolves to a loopback address \(127\.0\.0\.1\)"):
        fetch_url(f"http://rebind.example:{port}/files/a.wav", allow_private=False)
    assert connects == [] and server.paths == []


# --- refusals before any connection --------------------------------------------------------------


@pytest.mark.parametrize("host, addr, kind", [
    ("127.0.0.1", "127.0.0.1", "a loopback address"),
    ("localhost", "127.0.0.1", "a loopback address"),
    ("10.1.2.3", "10.1.2.3", "a private address"),
    ("192.168.1.1", "192.168.1.1", "a private address"),
    ("172.16.0.9", "172.16.0.9", "a private address"),
    ("169.254.169.254", "169.254.169.254", "the cloud metadata address"),
    ("169.254.1.1", "169.254.1.1", "a link-local address"),
    ("[::1]", "::1", "a loopback address"),
    ("[fd00:ec2::254]", "fd00:ec2::254", "the cloud metadata address"),
    ("[fe80::1]", "fe80::1", "a link-local address"),
    ("100.64.0.1", "100.64.0.1", "a carrier-grade NAT address"),
    ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1", "a loopback address"),
    ("[::ffff:10.0.0.5]", "::ffff:10.0.0.5", "a private address"),
    ("0.0.0.0", "0.0.0.0", "an unspecified address"),
    ("224.0.0.1", "224.0.0.1", "a multicast address"),
    ("240.0.0.1", "240.0.0.1", "a reserved address"),
    ("2130706433", "127.0.0.1", "a loopback address"),  # 127.0.0.1 as one number
])
def test_private_addresses_refused_before_connecting(server, connects, host, addr, kind):
    port = server.server_address[1]
    server.paths.clear()
    with pytest.raises(ForbiddenAddressError) as err:
        fetch_url(f"http://{host}:{port}/files/a.wav", allow_private=False)
    assert str(err.value) == (
        f"uploadUrl resolves to {kind} ({addr}); Topline only fetches public URLs "
        "(the server admin can allow private ones with TOPLINE_ALLOW_PRIVATE_URLS).")
    assert err.value.api_code == 451
    assert connects == [] and server.paths == []


def test_check_url_allows_private_when_asked():
    assert check_url("http://10.1.2.3/a.wav", allow_private=True).host == "10.1.2.3"


@pytest.mark.parametrize("url, message", [
    ("file:///etc/passwd", "uploadUrl must be an http:// or https:// link (it has file://)"),
    ("ftp://example.com/a.mp3", "uploadUrl must be an http:// or https:// link (it has ftp://)"),
    ("gopher://example.com/", "uploadUrl must be an http:// or https:// link (it has gopher://)"),
    ("example.com/a.mp3", "uploadUrl must be an http:// or https:// link (it has no scheme)"),
    ("http:///a.mp3", "uploadUrl is not a valid URL (it has no host name)"),
    ("http://[::1/a.mp3", "uploadUrl is not a valid URL ("),
    ("http://example.com:99999/a.mp3", "uploadUrl is not a valid URL (port 99999 is out of range)"),
    ("", "uploadUrl must be an http:// or https:// link (it has no scheme)"),
])
def test_bad_urls(connects, url, message):
    with pytest.raises(FetchError) as err:
        fetch_url(url)
    assert str(err.value).startswith(message)
    assert not isinstance(err.value, ForbiddenAddressError)
    assert connects == []


def test_dns_failure():
    with pytest.raises(FetchError) as err:
        fetch_url("https://no-such-host.invalid/a.mp3", allow_private=True)
    assert str(err.value) == ("uploadUrl could not be fetched: the host name no-such-host.invalid does not "
                              "resolve; check the URL")


def test_connection_refused():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError) as err:
        fetch_url(f"http://127.0.0.1:{port}/a.wav", allow_private=True)
    assert str(err.value) == "uploadUrl could not be fetched: 127.0.0.1 refused the connection"


def test_tls_to_plain_http_server_is_a_sentence(base):
    with pytest.raises(FetchError) as err:
        fetch_url(base.replace("http://", "https://") + "/files/a.wav", allow_private=True, timeout_s=5)
    assert str(err.value).startswith("uploadUrl could not be fetched: the TLS handshake with 127.0.0.1 failed")


def test_fetch_configured_uses_the_settings_passed(base):
    from topline.fetch import fetch_configured
    from topline.settings import Settings

    with pytest.raises(ForbiddenAddressError):
        fetch_configured(f"{base}/files/a.wav", field="fileUrl", settings=Settings(allow_private_urls=False))
    assert fetch_configured(f"{base}/files/a.wav", settings=Settings(allow_private_urls=True)).data == WAV


# --- posting (callbacks) and checking a destination before accepting it -------------------------


class _PostSink(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        sink = self
        self.got: list[tuple[dict, bytes]] = []

        class H(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                sink.got.append((dict(self.headers), self.rfile.read(int(self.headers["Content-Length"]))))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *a):
                pass

        super().__init__(("127.0.0.1", 0), H)


@pytest.fixture
def sink():
    srv = _PostSink()
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()
    srv.server_close()


def test_post_sends_the_exact_bytes(sink):
    body = b'{"a": 1,  "b": "\xc3\xa9"}'
    status = post_bytes(f"http://127.0.0.1:{sink.server_address[1]}/cb", body, headers={"X-Test": "1"},
                        allow_private=True, timeout_s=5)
    assert status == 204
    headers, got = sink.got[0]
    assert got == body and headers["X-Test"] == "1" and headers["Host"] == f"127.0.0.1:{sink.server_address[1]}"


def test_post_refuses_loopback_before_connecting(sink, connects):
    with pytest.raises(ForbiddenAddressError, match=r"callBackUrl resolves to a loopback address \(127\.0\.0\.1\)"):
        post_bytes(f"http://localhost:{sink.server_address[1]}/cb", b"{}", headers={}, allow_private=False,
                   timeout_s=5)
    assert connects == [] and sink.got == []


def test_post_to_a_closed_port_is_a_sentence():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError) as err:
        post_bytes(f"http://127.0.0.1:{port}/cb", b"{}", headers={}, allow_private=True, timeout_s=5)
    assert str(err.value) == "could not reach the receiver: 127.0.0.1 refused the connection"


@pytest.mark.parametrize("url, kind", [
    ("http://127.0.0.1/cb", "a loopback address"),
    ("http://localhost:8080/cb", "a loopback address"),
    ("http://[::1]/cb", "a loopback address"),
    ("http://2130706433/cb", "a loopback address"),  # 127.0.0.1 spelled as one number
    ("http://192.168.0.10/cb", "a private address"),
    ("http://100.64.1.1/cb", "a carrier-grade NAT address"),
])
def test_destination_refused_when_not_public(url, kind):
    with pytest.raises(ForbiddenAddressError, match=kind):
        check_destination(url, allow_private=False)
    check_destination(url, allow_private=True)  # a closed network may allow them


def test_destination_that_does_not_resolve_now_is_let_through():
    check_destination("https://no-such-host.invalid/cb", allow_private=False)  # each delivery checks again
    with pytest.raises(FetchError, match="must be an http:// or https:// link"):
        check_destination("ftp://example.com/cb", allow_private=False)


def test_invalid_international_host_name_is_a_sentence(connects):
    with pytest.raises(FetchError) as err:
        fetch_url("http://xn--/a.mp3")
    assert str(err.value).startswith("uploadUrl is not a valid URL (its host name is not a valid international")
    assert connects == []
