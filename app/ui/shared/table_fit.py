"""A table whose columns are as wide as what they show, one of them taking the room left.

Qt's Stretch mode squeezes its column below its contents when the others are wide (a
name cut to "Shop fr…" in Indonesian); here that column is never narrower than its
contents, and a window too narrow for every column scrolls sideways instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView


class FillColumn(QObject):
    def __init__(self, table: QTableView, column: int) -> None:
        super().__init__(table)
        self.table = table
        self.column = column
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)  # set by fit()
        header.setStretchLastSection(False)
        self._timer = QTimer(self)  # many changes at once (a restore): one fit
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        #: The column's contents width, measured again only when its texts may have changed
        #: (a measure reads every row; a status change must not pay for it).
        self._needed: int | None = None
        self._texts: dict[int, object] = {}  # the texts it was measured for, by row
        header.sectionResized.connect(self._resized)
        model = table.model()
        for signal in (
            model.rowsInserted,
            model.rowsRemoved,
            model.modelReset,
            model.layoutChanged,
            model.headerDataChanged,
        ):
            signal.connect(lambda *_args: self.remeasure())
        model.dataChanged.connect(self._data_changed)
        table.viewport().installEventFilter(self)
        self.fit()

    def remeasure(self) -> None:
        self._needed = None
        self._timer.start()

    def _data_changed(self, top, bottom, _roles=()) -> None:  # noqa: ANN001 (Qt's indexes)
        if not top.column() <= self.column <= bottom.column():
            return
        model = self.table.model()
        for row in range(top.row(), bottom.row() + 1):
            if self._texts.get(row) != model.index(row, self.column).data():
                self.remeasure()
                return

    def _resized(self, section: int, _old: int, _new: int) -> None:
        if section != self.column:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != self.column and not header.isSectionHidden(c)
        )
        if self._needed is None:
            model = self.table.model()
            self._texts = {r: model.index(r, self.column).data() for r in range(model.rowCount())}
            self._needed = max(
                self.table.sizeHintForColumn(self.column), header.sectionSizeHint(self.column)
            )
        room = self.table.viewport().width() - others
        header.resizeSection(self.column, max(self._needed, room))
