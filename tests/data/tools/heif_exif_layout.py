#!/usr/bin/env python3
# Used to make tests/data/heic-exif/ (see tests/data/README.md).
"""heif_exif_layout.py IN.heic OUT.heic LAYOUT: rewrites the Exif item of IN as phones other than iPhones store it.
LAYOUT: app1 (the 4-byte offset is 0, then a whole JPEG APP1 segment: FF E1, length, "Exif\0\0", TIFF),
bare (no offset field at all: the item starts with the TIFF header), exif6 (offset 6, "Exif\0\0", TIFF: the
standard layout, as iPhones write it). The new payload goes in a `free` box appended to the file and the
item's iloc extent points at it; nothing else changes."""
import struct, sys

src, dst, layout = sys.argv[1:4]
data = bytearray(open(src, 'rb').read())

def boxes(start, end):
    at = start
    while at < end:
        size, kind = struct.unpack('>I4s', data[at:at + 8])
        header = 8
        if size == 1:
            size = struct.unpack('>Q', data[at + 8:at + 16])[0]; header = 16
        yield kind.decode('latin1'), at, at + header, at + size
        at += size

meta = next(b for b in boxes(0, len(data)) if b[0] == 'meta')
children = list(boxes(meta[2] + 4, meta[3]))  # meta is a full box
iinf = next(b for b in children if b[0] == 'iinf')
iloc = next(b for b in children if b[0] == 'iloc')

# iinf: full box, entry count, then infe boxes.
version = data[iinf[2]]
count_size = 2 if version == 0 else 4
exif_id = None
for kind, at, body, end in boxes(iinf[2] + 4 + count_size, iinf[3]):
    v = data[body]
    if v >= 2:
        item_id = struct.unpack('>H', data[body + 4:body + 6])[0] if v == 2 else struct.unpack('>I', data[body + 4:body + 8])[0]
        type_at = body + 8 if v == 2 else body + 10
        if data[type_at:type_at + 4] == b'Exif':
            exif_id = item_id
assert exif_id is not None, 'no Exif item'

# iloc.
p = iloc[2]
v = data[p]; p += 4
offset_size, length_size = data[p] >> 4, data[p] & 15
base_size, index_size = data[p + 1] >> 4, (data[p + 1] & 15 if v in (1, 2) else 0)
p += 2
n = struct.unpack('>H', data[p:p + 2])[0] if v < 2 else struct.unpack('>I', data[p:p + 4])[0]
p += 2 if v < 2 else 4
def read(at, size):
    return int.from_bytes(data[at:at + size], 'big') if size else 0
def write(at, size, value):
    data[at:at + size] = value.to_bytes(size, 'big')
for _ in range(n):
    item_id = read(p, 2 if v < 2 else 4); p += 2 if v < 2 else 4
    if v in (1, 2): p += 2  # construction method
    p += 2  # data reference index
    base = read(p, base_size); p += base_size
    extents = read(p, 2); p += 2
    for _ in range(extents):
        p += index_size
        off_at = p; off = read(p, offset_size); p += offset_size
        len_at = p; length = read(p, length_size); p += length_size
        if item_id == exif_id:
            old = bytes(data[base + off:base + off + length])
            skip = 4 + int.from_bytes(old[:4], 'big')
            tiff = old[skip:]
            if tiff.startswith(b'Exif\0\0'):
                tiff = tiff[6:]
            assert tiff[:4] in (b'II*\0', b'MM\0*'), old[:16]
            if layout == 'app1':
                payload = b'\0\0\0\0' + b'\xff\xe1' + struct.pack('>H', len(tiff) + 8) + b'Exif\0\0' + tiff
            elif layout == 'bare':
                payload = tiff
            elif layout == 'exif6':
                payload = b'\0\0\0\x06Exif\0\0' + tiff
            else:
                sys.exit('unknown layout ' + layout)
            new_at = len(data) + 8
            data += struct.pack('>I4s', len(payload) + 8, b'free') + payload
            write(off_at, offset_size, new_at - base)
            write(len_at, length_size, len(payload))
open(dst, 'wb').write(data)
