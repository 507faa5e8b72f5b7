# eval: vulnerable
# rich: the setup command prints the loaded Vipps configuration.
import os

from rich.console import Console

console = Console()


def show_config():
    cfg = {"VIPPS_CLIENT_ID": os.environ["VIPPS_CLIENT_ID"], "VIPPS_CLIENT_SECRET": os.environ["VIPPS_CLIENT_SECRET"]}
    # ruleid: KL401
    console.print(cfg)
