"""The application scorer scans an app as one project and scores every rule per annotated line
(numbers for tests/eval/apps: python tests/eval/score.py; no floor yet)."""

from keylint.rules.packs import load_rules
from tests.conftest import write_tree
from tests.eval.score import score_app


def test_cross_module_flows_count_and_unannotated_findings_are_false_positives(tmp_path):
    app = write_tree(tmp_path / "app", {
        "shop/__init__.py": "",
        "shop/vipps.py": """\
            import requests

            API = "https://api.vipps.no"


            def capture(msn, reference):
                headers = {"Authorization": "Bearer x"}
                # ruleid: KL201
                headers["Merchant-Serial-Number"] = msn
                return requests.post(f"{API}/epayment/v1/payments/{reference}/capture", headers=headers)
            """,
        "shop/views.py": """\
            import logging
            import os

            from flask import request

            from shop.vipps import capture

            log = logging.getLogger(__name__)


            def capture_view(reference):
                return capture(request.form["msn"], reference)


            def debug():
                log.info("secret %s", os.environ["VIPPS_CLIENT_SECRET"])
                # ruleid: KL401
                log.info("nothing secret here")
            """,
    })
    scores, unreadable = score_app(app, load_rules())
    assert unreadable == []
    assert (scores["KL201"].tp, scores["KL201"].fn, scores["KL201"].fp) == (1, 0, 0)
    assert (scores["KL401"].tp, scores["KL401"].fn, scores["KL401"].fp) == (0, 1, 1)
    assert scores["KL401"].misses == ["shop/views.py:18"]
    assert scores["KL401"].false_positives == ["shop/views.py:16"]
