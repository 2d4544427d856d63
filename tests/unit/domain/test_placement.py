"""Where a window opens: whole on the screen, centred, a remembered place brought back."""

from __future__ import annotations

from app.domain.placement import Box, Frame, bring_back, format_box, parse_box, place

LAPTOP = Box(0, 0, 1366, 728)  # 1366x768 less a task bar
FRAME = Frame(2, 32, 2, 2)


def outer(box: Box, frame: Frame = FRAME) -> Box:
    return Box(
        box.x - frame.left,
        box.y - frame.top,
        box.width + frame.left + frame.right,
        box.height + frame.top + frame.bottom,
    )


def inside(box: Box, area: Box) -> bool:
    return (
        box.x >= area.x
        and box.y >= area.y
        and box.right <= area.right
        and box.bottom <= area.bottom
    )


def test_a_window_taller_than_the_screen_is_made_to_fit_frame_and_all():
    box = place((760, 800), LAPTOP, FRAME)
    assert inside(outer(box), LAPTOP)
    assert box.height == 728 - 34 and box.width == 760


def test_a_dialog_opens_centred_on_its_parent():
    parent = Box(100, 100, 800, 500)
    box = place((400, 300), LAPTOP, FRAME, around=parent)
    centre = outer(box).centre()
    assert abs(centre[0] - parent.centre()[0]) <= 1 and abs(centre[1] - parent.centre()[1]) <= 1


def test_a_dialog_centred_on_a_parent_near_the_edge_stays_on_the_screen():
    parent = Box(1200, 600, 300, 200)  # mostly off to the bottom right
    assert inside(outer(place((500, 400), LAPTOP, FRAME, around=parent)), LAPTOP)


def test_a_minimum_larger_than_the_screen_wins_and_shows_the_top_left():
    box = place((500, 400), Box(0, 0, 400, 300), FRAME, minimum=(600, 500))
    assert (box.width, box.height) == (600, 500)
    assert outer(box).x == 0 and outer(box).y == 0


def test_a_place_remembered_on_a_big_monitor_comes_back_onto_the_laptop():
    saved = Box(1900, 900, 1600, 1000)  # the right half of a 3840x2160 screen
    box = bring_back(saved, LAPTOP, FRAME)
    assert inside(outer(box), LAPTOP)
    assert (box.width, box.height) == (1366 - 4, 728 - 34)


def test_a_place_that_fits_is_kept():
    saved = Box(200, 150, 900, 500)
    assert bring_back(saved, LAPTOP, FRAME) == saved


def test_places_are_written_and_read_back_and_nonsense_is_ignored():
    box = Box(-5, 20, 900, 500)
    assert parse_box(format_box(box)) == box
    for text in ("", "1,2,3", "a,b,c,d", "0,0,0,10", "1,2,3,4,5"):
        assert parse_box(text) is None
