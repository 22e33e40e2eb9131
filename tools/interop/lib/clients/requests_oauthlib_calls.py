"""Makes the interop calls with python's requests + requests-oauthlib (OAuth1 in the Authorization
header) and prints, per call, the status, the body and the request as sent (for the caller's
signature check). Reads {"calls": [{"id", "method", "url", "params", "json", "signature_method"}],
"credentials": {...}} from stdin and writes a JSON list to stdout."""
import json
import sys

import requests
from requests_oauthlib import OAuth1


def send(call, credentials):
    auth = OAuth1(
        credentials["consumerKey"],
        client_secret=credentials["consumerSecret"],
        resource_owner_key=credentials["accessToken"],
        resource_owner_secret=credentials["accessTokenSecret"],
        signature_method=call["signature_method"],
    )
    response = requests.request(
        call["method"], call["url"], params=call.get("params"), json=call.get("json"), auth=auth, timeout=30
    )
    try:
        body = response.json()
    except ValueError:
        body = response.text
    sent = response.request
    authorization = sent.headers.get("Authorization")
    if isinstance(authorization, bytes):
        authorization = authorization.decode("utf-8")
    return {
        "id": call["id"],
        "status": response.status_code,
        "body": body,
        "wire": {"method": sent.method, "url": sent.url, "authorization": authorization},
    }


def main():
    spec = json.load(sys.stdin)
    results = []
    for call in spec["calls"]:
        try:
            results.append(send(call, spec["credentials"]))
        except requests.RequestException as error:
            results.append({"id": call["id"], "error": str(error)})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
