from keylint.core.values import normalise_name, redact, redact_inline, sequential_ratio, shannon_entropy


def test_normalise_name_folds_case_styles_and_separators():
    assert normalise_name("clientSecret") == "client_secret"
    assert normalise_name("Ocp-Apim-Subscription-Key") == "ocp_apim_subscription_key"
    assert normalise_name("VIPPS_CLIENT_SECRET") == "vipps_client_secret"
    assert normalise_name("vipps.partner.client-id") == "vipps_partner_client_id"


def test_entropy_separates_random_from_repetitive():
    assert shannon_entropy("aaaaaaaa") == 0
    assert shannon_entropy("Kj8s2PqL0vX9wZ4mN7bR1tY5uE3hA6dF") > 4.5
    assert shannon_entropy("") == 0


def test_sequential_ratio_flags_counting_and_repeats_not_random_hex():
    assert sequential_ratio("0123456789abcdef0123456789abcdef") > 0.9
    assert sequential_ratio("12345678-1234-1234-1234-123456789012") > 0.6
    assert sequential_ratio("aaaaaaaaaaaaaaaa") == 1.0
    assert sequential_ratio("3f9c1a7e5b2d4086a1c9e7f3b5d20846") < 0.3


def test_redaction_keeps_four_characters_and_the_length():
    assert redact("a1b2c3d4e5f6") == "'a1b2…' (12 chars)"
    assert redact_inline("a1b2c3d4e5f6") == "a1b2…(12 chars)"
    assert "c3d4" not in redact("a1b2c3d4e5f6")
