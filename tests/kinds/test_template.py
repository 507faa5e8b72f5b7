"""The template kind (KL302): printed expressions named like keys in template files."""

from __future__ import annotations

from keylint.rules.kinds.template import printed_names
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


def _kl302(tmp_path, shipped_rules, files):
    rules = [r for r in shipped_rules if r.id == "KL302"]
    return [(f.path, f.line, f.column) for f in scan_project(tmp_path, files, rules).findings]


def test_odoo_qweb_views_print_through_t_attributes(tmp_path, shipped_rules):
    view = (
        '<odoo><template id="vipps_settings">\n'
        '  <span t-esc="acquirer.vipps_client_secret"/>\n'
        '  <span t-out="acquirer.vipps_subscription_key"/>\n'
        '  <td t-field="acquirer.vipps_client_id"/>\n'
        '  <input t-att-value="acquirer.partner_credentials"/>\n'
        '  <a t-attf-href="/pay?key=#{acquirer.vipps_api_key}"/>\n'
        '  <div t-att="{\'data-token\': acquirer.access_token}"/>\n'
        '  <t t-raw="acquirer.client_secret"/>\n'
        "</template></odoo>\n"
    )
    found = _kl302(tmp_path, shipped_rules, {"addons/payment_vipps/views/settings.xml": view})
    assert found == [("addons/payment_vipps/views/settings.xml", line, column)
                     for line, column in [(2, 16), (3, 16), (4, 16), (5, 23), (6, 19), (7, 15), (8, 13)]]


def test_odoo_qweb_safe_twin(tmp_path, shipped_rules):
    """The same view, printing nothing secret: tests, comments, masked values, literal t-attf, other XML."""
    view = (
        '<odoo><template id="vipps_settings">\n'
        '  <span t-if="acquirer.vipps_client_secret">Connected</span>\n'
        '  <t t-set="configured" t-value="bool(acquirer.vipps_client_secret)"/>\n'
        '  <!-- <span t-esc="acquirer.vipps_client_secret"/> -->\n'
        '  <span t-esc="mask(acquirer.vipps_subscription_key)"/>\n'
        '  <a t-attf-href="/vipps/client_secret/rotate"/>\n'
        '  <span t-esc="acquirer.vipps_msn"/>\n'
        "</template></odoo>\n"
    )
    spring = '<bean><property name="clientSecret" value="${vipps.client_secret}"/><p>{{ client_secret }}</p></bean>\n'
    assert _kl302(tmp_path, shipped_rules, {"views/settings.xml": view, "config/beans.xml": spring}) == []


def test_mako_templates_print_dollar_expressions(tmp_path, shipped_rules):
    page = (
        "<p>${merchant.name}</p>\n"
        "<p>${settings['VIPPS_CLIENT_SECRET']}</p>\n"
        "<input value=\"${ {'k': keys.subscription_key}['k'] | h}\">\n"
        "## ${client_secret} is never rendered\n"
        "<%doc>\n  ${client_secret}\n</%doc>\n"
        "<p>${client_secret | mask}</p>\n"
    )
    assert _kl302(tmp_path, shipped_rules, {"templates/keys.mako": page}) == [("templates/keys.mako", 2, 4), ("templates/keys.mako", 3, 15)]


def test_mako_safe_twin(tmp_path, shipped_rules):
    page = "<p>${merchant.name}</p>\n## ${client_secret}\n<p>${len(client_secret)}</p>\n<p>${'client_secret'}</p>\n"
    assert _kl302(tmp_path, shipped_rules, {"templates/keys.mako": page}) == []


def test_chameleon_templates_print_through_tal_and_dollar(tmp_path, shipped_rules):
    page = (
        '<p tal:content="context/vipps_client_secret">secret</p>\n'
        '<span tal:replace="structure python:view.settings[\'subscription_key\']"/>\n'
        '<input tal:attributes="name string:key; value view/client_id"/>\n'
        "<p>${view.access_token}</p>\n"
    )
    assert _kl302(tmp_path, shipped_rules, {"templates/keys.pt": page}) == [
        ("templates/keys.pt", 1, 17), ("templates/keys.pt", 2, 20), ("templates/keys.pt", 3, 24), ("templates/keys.pt", 4, 4),
    ]


def test_chameleon_safe_twin(tmp_path, shipped_rules):
    page = (
        '<p tal:condition="context/vipps_client_secret">Connected</p>\n'
        '<p tal:content="exists:context/vipps_client_secret">yes</p>\n'
        '<p tal:define="key view/client_secret" tal:content="view/merchant_name"/>\n'
        '<input tal:attributes="name string:client_secret; value view/msn"/>\n'
        "<!--! ${view.access_token} -->\n"
        "<p>${view.client_secret | mask}</p>\n"
    )
    assert _kl302(tmp_path, shipped_rules, {"templates/keys.pt": page}) == []
