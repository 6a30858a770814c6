"""Production: vocal chain, mix, master bus, encoders and cover art.

``produce`` turns a dry sung vocal and the instrumental into a finished mix and its
stems; ``encode_mp3`` / ``encode_wav`` write deliverables; ``cover_image`` draws the art.
"""

from .cover import cover_image
from .encode import encode_mp3, encode_wav
from .record import Production, produce

__all__ = ["Production", "cover_image", "encode_mp3", "encode_wav", "produce"]
