# eval: safe
# rich: the setup command prints which Vipps settings are present.
import os

from rich.console import Console

console = Console()


def show_config():
    cfg = {"VIPPS_CLIENT_ID": os.environ["VIPPS_CLIENT_ID"], "VIPPS_CLIENT_SECRET": os.environ["VIPPS_CLIENT_SECRET"]}
    console.print({name: bool(value) for name, value in cfg.items()})
