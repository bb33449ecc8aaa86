"""The judge's desktop client (PySide6). Thin: views, controllers, table models and dialogs.

Only this package and ``e2judge.app`` import PySide6; everything they show comes from services.
"""

from e2judge.ui.compat import check_binding

check_binding()
