"""The owner is told, in English and Indonesian, when a background task stopped and was
started again (app/tasks/keeper.py → the window's problem banner)."""

from __future__ import annotations

from app.tasks.keeper import GENERIC_STOPPED, STOPPED_SENTENCES, WORK_FAILED
from app.ui.shared.error_text import error_words
from app.ui.shared.i18n import Translations


def test_every_keeper_sentence_reads_in_english_and_in_indonesian(qapp, english):
    sentences = [*STOPPED_SENTENCES.values(), GENERIC_STOPPED, WORK_FAILED]
    assert [error_words(Exception(s)) for s in sentences] == sentences
    Translations().apply("id")
    indonesian = [error_words(Exception(s)) for s in sentences]
    assert indonesian[0] == (
        "Sambungan Jaga ke penghubung berhenti karena kesalahan; Jaga sudah menjalankannya lagi."
    )
    assert all(words != sentence for words, sentence in zip(indonesian, sentences, strict=True))
    assert len(set(indonesian)) == len(sentences)


def test_the_window_shows_a_stopped_task_in_its_problem_banner(qtbot, offline_service):
    from app.ui.main_window.window import MainWindow

    window = MainWindow(offline_service.window, tray_available=False)
    qtbot.addWidget(window)
    offline_service.error.emit(STOPPED_SENTENCES["webhook sender"])
    assert window.problem_banner is not None
    assert window.problem_banner.body.text() == STOPPED_SENTENCES["webhook sender"]
