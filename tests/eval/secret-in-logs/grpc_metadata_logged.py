# eval: vulnerable
# gRPC: the call metadata carries the Vipps token and is logged before the call.
import logging
import os

import grpc

log = logging.getLogger(__name__)


def capture(stub, request):
    metadata = (("authorization", f"Bearer {os.environ['VIPPS_ACCESS_TOKEN']}"), ("merchant-serial-number", request.msn))
    # ruleid: KL401
    log.debug("capture metadata=%s", metadata)
    return stub.Capture(request, metadata=metadata)
