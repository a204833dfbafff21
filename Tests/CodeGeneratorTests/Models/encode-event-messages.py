# An event stream message encoder written from the format's description (prelude, typed headers, payload, CRC32s),
# independent of the Swift one, for the awsjson- and restxml-event-streams test models.
import struct, zlib, base64, json
def header(name, value):
    n = name.encode()
    if isinstance(value, bool):
        return bytes([len(n)]) + n + bytes([0 if value else 1])
    v = value.encode()
    return bytes([len(n)]) + n + bytes([7]) + struct.pack(">H", len(v)) + v
def message(headers, payload=b""):
    h = b"".join(header(k, v) for k, v in headers)
    total = 16 + len(h) + len(payload)
    prelude = struct.pack(">II", total, len(h))
    prelude += struct.pack(">I", zlib.crc32(prelude))
    body = prelude + h + payload
    return body + struct.pack(">I", zlib.crc32(body))
def b64(m): return base64.b64encode(m).decode()
out = {}
out["initial"] = b64(message([(":message-type","event"),(":event-type","initial-response"),(":content-type","application/json")], b'{"sessionId":"s-1"}'))
out["price"] = b64(message([(":message-type","event"),(":event-type","price"),(":content-type","application/json"),("symbol","ABC")], b'{"price":12.5}'))
out["halt"] = b64(message([(":message-type","event"),(":event-type","halt"),(":content-type","text/plain")], b'circuit breaker'))
out["throttled"] = b64(message([(":message-type","exception"),(":exception-type","throttled"),(":content-type","application/json")], b'{"message":"slow down"}'))
out["unknown"] = b64(message([(":message-type","event"),(":event-type","dividend"),(":content-type","application/json")], b'{"amount":1}'))
# restxml-event-streams.json
out["records"] = b64(message([(":message-type","event"),(":event-type","Records"),(":content-type","application/octet-stream")], b"a,b\n1,2\n"))
out["stats"] = b64(message([(":message-type","event"),(":event-type","Stats"),(":content-type","text/xml")], b"<Stats><Scanned>10</Scanned><Returned>4</Returned></Stats>"))
out["end"] = b64(message([(":message-type","event"),(":event-type","End")]))
out["error"] = b64(message([(":message-type","error"),(":error-code","InternalError"),(":error-message","We encountered an internal error.")]))
print(json.dumps(out, indent=1))
