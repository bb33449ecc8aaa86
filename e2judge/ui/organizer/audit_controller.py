"""The workspace's audit log, newest first: every build, collect, enrolment, manual move and export."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from e2judge.services.org.audit import AuditRow, read_log
from e2judge.ui.organizer.context import OrgContext
from e2judge.ui.organizer.rows_model import Column, RowsModel
from e2judge.ui.organizer.workbook_page import table_view
from e2judge.ui.widgets import GREY, local_datetime, plain_label


def action_text(action: str) -> str:
    names = {
        "build": QCoreApplication.translate("OrgTables", "build batches"),
        "collect": QCoreApplication.translate("OrgTables", "collect sheets"),
        "enroll": QCoreApplication.translate("OrgTables", "enrol judge key"),
        "reassign": QCoreApplication.translate("OrgTables", "manual reassignment"),
        "export": QCoreApplication.translate("OrgTables", "export"),
    }
    return names.get(action, action)


def audit_model(parent: QObject, lang: Callable[[], str]) -> RowsModel[AuditRow]:
    columns = [
        Column[AuditRow](lambda r: local_datetime(r.at, lang()), key=lambda r: r.at.timestamp()),
        Column[AuditRow](lambda r: r.actor),
        Column[AuditRow](lambda r: action_text(r.action)),
        Column[AuditRow](lambda r: r.subject),
        Column[AuditRow](lambda r: r.detail),
    ]

    def headers() -> list[str]:
        return [
            QCoreApplication.translate("OrgTables", "When"),
            QCoreApplication.translate("OrgTables", "Who"),
            QCoreApplication.translate("OrgTables", "What"),
            QCoreApplication.translate("OrgTables", "On"),
            QCoreApplication.translate("OrgTables", "Details"),
        ]

    return RowsModel(columns, headers, parent)


class AuditPage(QWidget):
    def __init__(self, model: RowsModel[AuditRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = plain_label()
        self.hint.setStyleSheet(f"color: {GREY};")
        self.table = table_view(self, model, "")  # type: ignore[arg-type]
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "Everything done in this workspace, newest first. Entries are only ever added, never changed."
            )
        )
        self.hint.setAccessibleName(self.tr("About the audit log"))
        self.table.setAccessibleName(self.tr("Audit log"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AuditController(QObject):
    def __init__(self, ctx: OrgContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = audit_model(self, lambda: ctx.languages.current)
        self.page = AuditPage(self.model)

    def load(self) -> None:
        self.model.set_rows(read_log(self.ctx.orgdir) if self.ctx.orgdir is not None else [])

    def retranslate(self) -> None:
        self.model.retranslate()
