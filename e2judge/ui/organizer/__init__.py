"""The organizer's window: workspace, workbook check, batches, collecting sheets, progress, results.

Views (``*_page.py``) lay out widgets; controllers (``*_controller.py``) hold the behaviour and call
the same services as ``e2judge org …``; table models sort inside the model (``rows_model.py``).
"""
