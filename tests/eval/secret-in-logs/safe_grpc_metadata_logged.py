# eval: safe
# gRPC: the call metadata carries the Vipps token; the log names the call only.
import logging
import os

import grpc

log = logging.getLogger(__name__)


def capture(stub, request):
    metadata = (("authorization", f"Bearer {os.environ['VIPPS_ACCESS_TOKEN']}"), ("merchant-serial-number", request.msn))
    log.debug("capture %s for %s", request.reference, request.msn)
    return stub.Capture(request, metadata=metadata)
