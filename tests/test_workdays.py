from datetime import date

import pytest

from followup_lib.errors import InputError
from followup_lib.etiquette.workdays import work_calendar


def test_weekend_is_skipped():
    cal = work_calendar("US")
    assert cal.add_business_days(date(2026, 11, 20), 1) == date(2026, 11, 23)  # Fri -> Mon


def test_us_public_holiday_is_skipped():
    cal = work_calendar("US")
    assert not cal.is_business_day(date(2026, 11, 26))  # Thanksgiving
    assert cal.add_business_days(date(2026, 11, 25), 1) == date(2026, 11, 27)


def test_holidays_depend_on_country():
    # 26 December (Boxing Day) is a holiday in Great Britain but not in the US.
    assert not work_calendar("GB").is_business_day(date(2026, 12, 28))  # substitute Boxing Day
    assert work_calendar("US").is_business_day(date(2026, 12, 28))


def test_subdivision_holidays():
    # Cesar Chavez Day (31 March) is a California state holiday, not a federal one.
    assert not work_calendar("US", "CA").is_business_day(date(2027, 3, 31))
    assert work_calendar("US").is_business_day(date(2027, 3, 31))


def test_country_weekend_comes_from_holidays_package():
    assert work_calendar("AE").weekend == frozenset({5, 6})
    assert work_calendar("IL").weekend == frozenset({4, 5})  # Friday and Saturday


def test_counting_is_inverse_of_adding():
    cal = work_calendar("DE")
    start = date(2026, 12, 18)
    for n in range(0, 15):
        assert cal.business_days_between(start, cal.add_business_days(start, n)) == n


def test_next_business_day():
    cal = work_calendar("US")
    assert cal.next_business_day(date(2026, 11, 26)) == date(2026, 11, 27)
    assert cal.next_business_day(date(2026, 11, 27), include_today=False) == date(2026, 11, 30)


@pytest.mark.parametrize("country,sub,field", [("XX", None, "country"), ("US", "ZZ", "subdivision"),
                                              ("", None, "country")])
def test_unknown_country_or_subdivision_names_the_field(country, sub, field):
    with pytest.raises(InputError) as err:
        work_calendar(country, sub)
    assert err.value.field == field
