import os


def partner_keys():
    return {
        "client_id": os.environ["VIPPS_CLIENT_ID"],
        "client_secret": os.environ["VIPPS_CLIENT_SECRET"],
        "subscription_key": os.environ["VIPPS_SUBSCRIPTION_KEY"],
    }
