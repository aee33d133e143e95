import pyarrow as pa

from heroku_assets.logs.staging import _accounting_error


def _numbers(*values):
    return pa.array(values, pa.int64())


def test_every_line_in_exactly_one_table_passes():
    assert _accounting_error(5, [_numbers(1, 3), _numbers(2, 5), _numbers(4), _numbers()]) is None
    assert _accounting_error(0, [_numbers(), _numbers()]) is None


def test_a_lost_line_a_line_in_two_tables_and_a_stray_number_fail():
    assert "4 raw lines but 3" in _accounting_error(4, [_numbers(1, 2), _numbers(3)])
    assert "more than one table" in _accounting_error(3, [_numbers(1, 2), _numbers(2)])
    assert "expected 1 to 3" in _accounting_error(3, [_numbers(1, 2), _numbers(7)])
