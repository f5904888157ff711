#!/usr/bin/env python3
"""S6: one client alternating sales on the product with 100,000 events and on a new product, timed in
microseconds (Gatling records whole milliseconds, too coarse for two p50s of 1-2 ms). Writes JSON.

    s6.py URL TOKEN NEW_PRODUCT ITERATIONS RUN OUT_JSON
"""
import http.client
import json
import sys
import time
import urllib.parse


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def main():
    url, token, new_product, iterations, run, out = sys.argv[1:7]
    target = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    timings = {"deep": [], "new": []}
    errors = {"deep": 0, "new": 0}
    for i in range(int(iterations)):
        for name, product in (("deep", "deep"), ("new", new_product)):
            body = json.dumps({"orderId": f"S6-{run}-{name}-{i}", "variantId": "v1", "quantity": 1})
            start = time.perf_counter_ns()
            connection.request("POST", f"/api/v1/inventory/{product}/sales", body, headers)
            response = connection.getresponse()
            response.read()
            elapsed_ms = (time.perf_counter_ns() - start) / 1e6
            if response.status == 200:
                timings[name].append(elapsed_ms)
            else:
                errors[name] += 1
    result = {}
    for name, values in timings.items():
        values.sort()
        result[name] = {"ok": len(values), "errors": errors[name],
                        "p50": percentile(values, 0.5), "p99": percentile(values, 0.99),
                        "p999": percentile(values, 0.999)} if values else {"ok": 0, "errors": errors[name]}
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
