#!/usr/bin/env python3
"""Sends again the sales a wrk run may have left in flight (bench/lean/sales.lua lists them), so that every
order the run generated is acknowledged: a repeated order is answered as the first time, never applied twice.
Usage: settle.py <wrk output> <command-side URL> <token>; adds "settled" and "settleFailures" to the output."""
import json
import sys
import urllib.error
import urllib.request


def main():
    path, base, token = sys.argv[1:4]
    with open(path) as f:
        lines = [line for line in f if line.startswith("LEAN ")]
    result = json.loads(lines[-1][len("LEAN "):])
    failures = 0
    for order_id, product in result["unsettled"]:
        body = json.dumps({"orderId": order_id, "variantId": "v1", "quantity": 1}).encode()
        request = urllib.request.Request(f"{base}/api/v1/inventory/{product}/sales", data=body, method="POST",
                                         headers={"Authorization": f"Bearer {token}",
                                                  "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                failures += response.status != 200
        except urllib.error.URLError:
            failures += 1
    result["settled"] = len(result["unsettled"])
    result["settleFailures"] = failures
    del result["unsettled"]
    with open(path, "a") as f:
        f.write("SETTLED " + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
