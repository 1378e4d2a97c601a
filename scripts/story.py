#!/usr/bin/env python3
"""The scheme's story over the API, against a running `shinrai serve --demo`.

A provider describes a service and writes its statement (言明書) against the published demo
criteria, checks it with the pre-check and submits it; it orders an audit from the demo audit
body; the signing auditor accepts, records a conclusion for every selected objective and control
and signs the report; the provider applies; the reviewer reviews with the registration rule and
decides; a second operator (the administrator) approves; the service appears in the registry.

    python3 scripts/story.py --url http://127.0.0.1:8080 [--shinrai target/release/shinrai --data DIR]

With --shinrai and --data (the server's data folder), the signed report is downloaded and checked
against the log with `shinrai report verify`. Only the standard library is used. Exits non-zero,
naming the step, at the first answer that is not what the scheme promises.
"""

import argparse
import datetime
import http.cookiejar
import json
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

DEMO_PASSWORD = "shinrai-demo-2026"
LEVEL = 2
MODEL = "SaaS"


class Party:
    """One demo user signed in with a session of their own."""

    def __init__(self, base, login):
        self.base = base
        self.login = login
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.csrf = None
        session = self.call("POST", "/api/v1/session", {"login": login, "password": DEMO_PASSWORD})
        self.csrf = session["csrf_token"]

    def call(self, method, path, body=None, expect=(200, 201), raw=False):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if body is not None:
            request.add_header("Content-Type", "application/json")
        if self.csrf:
            request.add_header("X-CSRF-Token", self.csrf)
        try:
            with self.opener.open(request) as answer:
                status, payload = answer.status, answer.read()
        except urllib.error.HTTPError as error:
            status, payload = error.code, error.read()
        if status not in expect:
            fail(f"{self.login}: {method} {path} answered {status}: {payload.decode(errors='replace')}")
        if raw:
            return payload
        return json.loads(payload) if payload else None


def fail(message):
    print(f"story: {message}", file=sys.stderr)
    sys.exit(1)


def step(text):
    print(f"- {text}")


def text(ja, en):
    return {"ja": ja, "en": en}


def applicable(item):
    return item["min_level"] <= LEVEL and MODEL in item["service_models"]


def all_items(party, version):
    """Every governance and management item and detailed control of a criteria version."""
    items, page = [], 1
    while True:
        answer = party.call("GET", f"/api/v1/criteria/{version}/controls?per_page=500&page={page}")
        items.extend(answer["items"])
        if len(items) >= answer["total"] or not answer["items"]:
            return items
        page += 1


def statement_content(version, items):
    content = {
        "criteria_version": version,
        "target_level": LEVEL,
        "governance": [],
        "management": [],
        "selected": [],
        "excluded": [],
    }
    for item in filter(applicable, items):
        if item["part"] in ("governance", "management"):
            content[item["part"]].append({
                "item": item["id"],
                "status": "implemented",
                "description": text(
                    "取締役会が承認した方針に定め、年に一度内部監査で確認している。",
                    "Set in the policy the board approved; internal audit checks it every year.",
                ),
            })
            continue
        examples = item.get("technology_examples") or []
        chosen = {
            "control": item["id"],
            "individual_control": text(
                f"{item['id']} の手順書に従い運用し、記録を一年間保管する。",
                f"Operated by the written procedure for {item['id']}; records are kept a year.",
            ),
            "responsibility": "csp",
            "technologies": [examples[0]["id"]] if examples else ["自社運用基盤 / Own platform"],
            "rationale": text("", "") if examples else text(
                "例示の技術と同じ機能を持ち、毎年第三者評価を受けている。",
                "It does what the examples do and is assessed by a third party every year.",
            ),
        }
        content["selected"].append(chosen)
    return content


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--shinrai", help="the shinrai binary, to verify the report")
    parser.add_argument("--data", help="the server's data folder, to verify the report")
    args = parser.parse_args()
    base = args.url.rstrip("/")

    provider = Party(base, "provider")
    signer = Party(base, "signer")
    reviewer = Party(base, "reviewer")
    admin = Party(base, "admin")

    versions = [v for v in provider.call("GET", "/api/v1/criteria") if v["status"] == "published"]
    if not versions:
        fail("no published criteria version")
    version = versions[-1]["version"]

    service = provider.call("POST", "/api/v1/services", {
        "name": text("ものがたり給与クラウド", "Story Payroll Cloud"),
        "description": text("給与計算の SaaS", "Payroll as a service"),
        "service_models": [{"model": MODEL, "scope": text("給与計算アプリケーション", "The payroll application")}],
        "deployment_models": ["public"],
        "built_on": [],
        "underlying_evaluated_in_audit": [],
        "scope": text("給与計算サービスとその運用拠点", "The payroll service and the sites that run it"),
    })
    step(f"provider described service {service['id']}")

    statement = provider.call("POST", f"/api/v1/services/{service['id']}/statements",
                              {"criteria_version": version, "target_level": LEVEL})
    content = statement_content(version, all_items(provider, version))
    provider.call("PUT", f"/api/v1/statements/{statement['id']}", content)
    precheck = provider.call("GET", f"/api/v1/statements/{statement['id']}/precheck")
    step(f"statement {statement['id']} saved against {version}: {len(content['selected'])} controls "
         f"selected; pre-check reaches level {precheck.get('reachable_level')} "
         f"with {len(precheck.get('findings', []))} findings")
    if (precheck.get("reachable_level") or 0) < LEVEL:
        fail(f"the pre-check does not reach level {LEVEL}: {json.dumps(precheck)[:2000]}")
    provider.call("POST", f"/api/v1/statements/{statement['id']}/submit", {})
    provider.call("PUT", f"/api/v1/statements/{statement['id']}", content, expect=(409,))
    step("submitted; the version is frozen (a further save answers 409)")

    # An audit period of nine months that ended a month ago: the report is due within three.
    today = datetime.date.today()
    period_end = today.replace(day=1) - datetime.timedelta(days=1)
    period_start = (period_end - datetime.timedelta(days=270)).replace(day=1)
    audit = provider.call("POST", "/api/v1/audits", {
        "service": service["id"],
        "statement": statement["id"],
        "audit_body": "aoba-audit",
        "period_start": period_start.isoformat(),
        "period_end": period_end.isoformat(),
    })
    step(f"audit {audit['id']} ordered from aoba-audit for {period_start} to {period_end}")
    signer.call("POST", f"/api/v1/audits/{audit['id']}/accept", {"signing_auditor": "signer"})
    objectives = sorted({c["control"].rsplit(".", 1)[0] for c in content["selected"]})
    reason = text("手順書・記録・設定を確認し、有効に運用されていた。",
                  "Procedures, records and settings inspected; operating effectively.")
    signer.call("PUT", f"/api/v1/audits/{audit['id']}/conclusions", {
        "objectives": [{"objective": o, "effective": True, "reason": reason} for o in objectives],
        "controls": [{"control": c["control"], "conformant": True, "reason": reason}
                     for c in content["selected"]],
    })
    signed = signer.call("POST", f"/api/v1/audits/{audit['id']}/sign", {})
    step(f"signing auditor accepted, concluded {len(objectives)} objectives and "
         f"{len(content['selected'])} controls, and signed: report SHA-256 {signed['report_sha256']}")
    signer.call("POST", f"/api/v1/audits/{audit['id']}/sign", {}, expect=(409,))

    if args.shinrai and args.data:
        report = provider.call("GET", f"/api/v1/audits/{audit['id']}/report", raw=True)
        with tempfile.NamedTemporaryFile(suffix=".json") as file:
            file.write(report)
            file.flush()
            verified = subprocess.run(
                [args.shinrai, "report", "verify", file.name, "--data-dir", args.data],
                capture_output=True, text=True,
            )
        if verified.returncode != 0:
            fail(f"shinrai report verify: {verified.stdout}{verified.stderr}")
        step("the downloaded report matches its signing event in the log (shinrai report verify)")

    application = provider.call("POST", "/api/v1/applications",
                                {"service": service["id"], "audit": audit["id"], "kind": "new"})
    review = reviewer.call("GET", f"/api/v1/applications/{application['id']}/review")
    step(f"application {application['id']} reviewed: the registration rule answers {review['decision']}")
    if review["decision"] != "register":
        fail(f"the review does not register: {json.dumps(review)[:2000]}")
    reviewer.call("POST", f"/api/v1/applications/{application['id']}/decision",
                  {"decision": "register", "reason": text("基準を満たす。", "The criteria are met.")})
    reviewer.call("POST", f"/api/v1/applications/{application['id']}/approve", {}, expect=(403,))
    admin.call("POST", f"/api/v1/applications/{application['id']}/approve", {})
    done = admin.call("GET", f"/api/v1/applications/{application['id']}")
    entry = provider.call("GET", f"/api/v1/registry/{done['registry_entry']}")
    step(f"reviewer decided, the administrator approved (the decider could not): registry entry "
         f"{entry['id']}, level {entry['level']}, {entry['status']} until {entry['valid_until']}")
    if entry.get("application") != application["id"] or entry["status"] != "registered":
        fail(f"the registry entry does not show the registration: {entry}")
    print("story: the service went from description to registry entry")


if __name__ == "__main__":
    main()
