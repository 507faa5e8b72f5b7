"""The template kind (KL302): printed expressions named like keys in template files."""

from __future__ import annotations

from keylint.kinds.template import printed_names
from tests.conftest import scan_project


def test_printed_names_skip_string_literals_and_read_quoted_keys():
    assert printed_names(" url_for('client_secret') ") == (["url_for"], [])
    assert printed_names(' config["CLIENT_SECRET"]|e ') == (["config", "CLIENT_SECRET"], ["e"])
    assert printed_names(" settings.VIPPS_SUBSCRIPTION_KEY ") == (["settings", "VIPPS_SUBSCRIPTION_KEY"], [])


def test_flags_key_names_not_comments_or_masked_values(tmp_path, shipped_rules):
    rules = [r for r in shipped_rules if r.id == "KL302"]
    page = (
        "<p>{{ merchant.msn }}</p>\n"
        "<p>{{ client_secret }}</p>\n"
        "{# {{ client_secret }} #}\n"
        "<p>{{ subscription_key|mask }}</p>\n"
        "<p>{{\n  settings.VIPPS_SUBSCRIPTION_KEY\n}}</p>\n"
        "<p>{{ client_secret_configured }}</p>\n"
    )
    files = {"templates/page.html": page, "templates/page.jinja": '{{ access_token }}<img alt="Vipps">',
             "templates/login.jinja": "{{ access_token }}"}  # the app's own token: nothing shows Vipps
    report = scan_project(tmp_path, files, rules)
    assert [(f.path, f.line, f.column) for f in report.findings] == [
        ("templates/page.html", 2, 4),
        ("templates/page.html", 5, 4),
        ("templates/page.jinja", 1, 1),
    ]
    assert report.findings[0].message.endswith("Vipps evidence: 'settings.VIPPS_SUBSCRIPTION_KEY' at line 6")


def test_template_comment_suppresses(tmp_path, shipped_rules):
    rules = [r for r in shipped_rules if r.id == "KL302"]
    page = "{# keylint: ignore[KL302] -- support-only page behind VPN #}\n<p>{{ client_id }}</p>\n<p>{{ client_id }}</p> <!-- keylint: ignore[KL302] -->\n<h1>Vipps MobilePay</h1>\n"
    report = scan_project(tmp_path, {"admin.html": page}, rules)
    assert report.findings == [] and report.suppressed == 2


FLAGGED_NAMES = ["client_secret", "clientId", 'config["CLIENT_ID"]', "subscriptionKey", "ocp_apim_subscription_key", "access_token",
                 "bearer_token", "vipps_api_key", "MOBILEPAY_SECRETS", "partner_api_keys", "partnerCredentials",
                 "accounting_secret", "management_api_credentials", "settings.PARTNER_KEYS"]


def test_every_name_the_rule_flags_passes_its_prefilter(tmp_path, shipped_rules):
    """The template prefilter (YAML tokens) must let through every spelling the name regexes match."""
    rules = [r for r in shipped_rules if r.id == "KL302"]
    files = {f"t/{i}.html": f"<p>{{{{ {name} }}}}</p>\n<footer>Vipps MobilePay</footer>\n" for i, name in enumerate(FLAGGED_NAMES)}
    files["t/plain.html"] = "<p>{{ merchant.name }} {{ order.total|floatformat }} {{ management_form }}</p>\n"
    report = scan_project(tmp_path, files, rules)
    assert sorted(f.path for f in report.findings) == sorted(p for p in files if p != "t/plain.html")
    assert report.prefiltered == 1  # only the page without a key name is not read
