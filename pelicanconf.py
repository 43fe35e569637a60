# Shim: a bare `pelican content` reads this file; the real settings are in pelican.conf.py.
from pathlib import Path; _conf = Path(__file__).with_name("pelican.conf.py"); exec(compile(_conf.read_text(encoding="utf-8"), str(_conf), "exec"))  # noqa: E501, E702, I001
