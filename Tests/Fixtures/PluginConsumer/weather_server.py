#!/usr/bin/env python3
"""A tiny awsJson1_1 Weather service on 127.0.0.1 for the plugin fixtures (Python stdlib only).

Usage: weather_server.py PORT_FILE [LIFETIME_SECONDS]

Listens on a free loopback port, writes that port to PORT_FILE, and serves until it is killed or
LIFETIME_SECONDS (default 600) have passed. Every request must look like a signed awsJson1_1 call from
the check programs (POST /, JSON 1.1 content type, X-Amz-Target, a SigV4 Authorization header for the
AKID key in us-east-1); anything else gets a `FixtureMismatch` error, which the checks report as a failure.
"""

import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CITIES = [
    {"name": "Bergen", "country": "NO"},
    {"name": "Lisbon", "country": "PT"},
    {"name": "Oslo", "country": "NO"},
    {"name": "Quito"},
    {"name": "Tromsø", "country": "NO"},
]

FORECASTS = {
    "Oslo": {
        "city": "Oslo",
        "issuedAt": 1735725600,
        "hourlyCelsius": {"09:00": -3.5, "12:00": -1.0},
        "precipitation": {"snow": {"centimetres": 12, "powder": True}},
    },
    "Bergen": {
        "city": "Bergen",
        "issuedAt": 1735725600.5,
        "hourlyCelsius": {},
        "precipitation": {"rainMillimetres": 7.25},
    },
}


class Handler(BaseHTTPRequestHandler):
    server_version = "WeatherFixture/1.0"

    def log_message(self, format, *args):  # keep the script's output to what it checks
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-amzn-RequestId", "req-%d" % threading.get_ident())
        self.end_headers()
        self.wfile.write(data)

    def mismatch(self, message):
        self.reply(400, {"__type": "FixtureMismatch", "message": message})

    def do_GET(self):
        self.mismatch("expected POST, got GET %s" % self.path)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if self.path != "/":
            return self.mismatch("expected path /, got %s" % self.path)
        if self.headers.get("Content-Type") != "application/x-amz-json-1.1":
            return self.mismatch("bad Content-Type %r" % self.headers.get("Content-Type"))
        authorization = self.headers.get("Authorization", "")
        if not (authorization.startswith("AWS4-HMAC-SHA256 Credential=AKID/")
                and "/us-east-1/weather/aws4_request" in authorization
                and "Signature=" in authorization and self.headers.get("X-Amz-Date")):
            return self.mismatch("missing or wrong SigV4 signature: %r" % authorization)
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return self.mismatch("body is not JSON: %r" % raw[:200])
        target = self.headers.get("X-Amz-Target", "")
        if target == "WeatherService.GetForecast":
            return self.get_forecast(body)
        if target == "WeatherService.ListCities":
            return self.list_cities(body)
        return self.mismatch("unknown X-Amz-Target %r" % target)

    def get_forecast(self, body):
        city = body.get("city")
        if set(body) != {"city"}:
            return self.mismatch("GetForecast body must hold only city: %r" % body)
        if city in FORECASTS:
            return self.reply(200, FORECASTS[city])
        # A namespaced __type, as AWS sends it: the client must strip the namespace.
        return self.reply(400, {"__type": "example.weather#CityNotFound",
                                "message": "no forecast for %s" % city, "city": city})

    def list_cities(self, body):
        size = body.get("maxResults", 2)
        token = body.get("nextToken")
        start = 0 if token is None else int(token[len("page-"):])
        page = CITIES[start:start + size]
        reply = {"cities": page}
        if start + size < len(CITIES):
            reply["nextToken"] = "page-%d" % (start + size)
        return self.reply(200, reply)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    lifetime = float(sys.argv[2]) if len(sys.argv) > 2 else 600
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(sys.argv[1] + ".tmp", sys.argv[1])
    timer = threading.Timer(lifetime, server.shutdown)
    timer.daemon = True
    timer.start()
    server.serve_forever()


if __name__ == "__main__":
    main()
