import pytest
from django.urls import reverse

pytestmark = pytest.mark.integration


def test_base_has_landmarks_skip_link_and_ltr_direction(client, conference):
    response = client.get(reverse("conference", args=["conf"]))

    html = response.text
    assert '<html lang="en" dir="ltr">' in html
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert '<header class="site-header">' in html
    assert '<main id="main" tabindex="-1" class="page">' in html
    assert '<footer class="site-footer">' in html
    assert '<nav class="conference-nav" aria-label="Conference">' in html


def test_base_loads_htmx_and_sends_csrf_token_in_headers(client, conference):
    response = client.get(reverse("home"))

    html = response.text
    assert '<script src="/static/vendor/htmx.min.js" defer></script>' in html
    assert '<body hx-headers=\'{"X-CSRFToken": "' in html
    assert " onclick=" not in html and "<script>" not in html and " style=" not in html


def test_base_marks_current_section_in_conference_nav(client, conference):
    response = client.get(reverse("plan", args=["conf"]))

    assert '<a href="/c/conf/plan/" aria-current="page">Plan</a>' in response.text


def test_base_shows_signed_in_user_with_role_at_conference(client, chair):
    client.force_login(chair)

    response = client.get(reverse("conference", args=["conf"]))

    assert '<span class="account__name">Chair Person</span>' in response.text
    assert '<span class="account__role">Chair</span>' in response.text
    assert 'action="/accounts/logout/"' in response.text


def test_base_shows_delegate_role(client, delegate):
    client.force_login(delegate)

    response = client.get(reverse("conference", args=["conf"]))

    assert response.context["role"] == "Delegate"


def test_base_offers_sign_in_to_anonymous(client, conference):
    response = client.get(reverse("conference", args=["conf"]))

    assert 'href="/accounts/login/?next=/c/conf/"' in response.text
    assert response.context["role"] == ""


def test_language_switch_to_arabic_sets_rtl(client, conference):
    switched = client.post(reverse("set_language"), {"language": "ar", "next": "/"})

    response = client.get(reverse("home"))

    assert switched.status_code == 302
    assert '<html lang="ar" dir="rtl">' in response.text


def test_language_switcher_posts_to_set_language_with_all_languages(client, conference):
    response = client.get(reverse("home"))

    html = response.text
    assert '<form class="language-form" method="post" action="/i18n/setlang/">' in html
    for code in ("ar", "zh-hans", "en", "fr", "ru", "es"):
        assert f'<option value="{code}" lang="{code}"' in html
    assert '<label for="language-select">Language</label>' in html


def test_cached_conference_nav_shows_invitations_to_staff_only(client, admin, conference):
    invitations = 'href="{}"'.format(reverse("engagement_lists", args=[conference.slug]))
    client.force_login(admin)
    as_staff = client.get(reverse("conference", args=[conference.slug])).text
    client.logout()
    as_visitor = client.get(reverse("conference", args=[conference.slug])).text

    assert invitations in as_staff
    assert invitations not in as_visitor
