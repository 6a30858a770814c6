"""Safe download of user-supplied URLs (``uploadUrl``, ``fileUrl``).

Every address a connection is opened to is resolved and checked by us at connect time
(an ``httpcore`` network backend), and the socket is opened to exactly the address that
was checked, so a DNS answer that changes between the check and the connect (rebinding)
cannot reach an internal service.  Redirects are followed by hand and every hop is checked
again.  The body is streamed under a size limit and one overall deadline, and the result
must be audio by its magic bytes, whatever the extension or ``Content-Type`` claim.

The length of the audio (at most 8 minutes) is checked where it is decoded
(:func:`topline.audio.decode_audio`).
"""

from topline.fetch.addresses import check_destination, check_url, forbidden_kind
from topline.fetch.download import Fetched, fetch_configured, fetch_url
from topline.fetch.post import post_bytes
from topline.fetch.sniff import describe_bytes, mime_for, sniff_audio

__all__ = ["Fetched", "fetch_url", "fetch_configured", "post_bytes", "check_url", "check_destination", "forbidden_kind", "sniff_audio", "mime_for", "describe_bytes"]
