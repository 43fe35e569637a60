"""People extraction: unit rules, the people file, and the five example seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican.plugins.news_digest.editorial.people import EditorDataError, load_people
from pelican.plugins.news_digest.extract import extract
from pelican.plugins.news_digest.extract.people import add_role, find_people, resolve_collection
from pelican.plugins.news_digest.ingest.clean import clean
from pelican.plugins.news_digest.model import ArticleData, Block, Cleaned, Person

from ..conftest import EXPECTED_FILE as SPEC
from ..conftest import SPEC_SEEDS

ROOT = Path(__file__).resolve().parents[2]


def _c(*paras: str, **kw) -> Cleaned:
    return Cleaned(blocks=[Block("p", p, i) for i, p in enumerate(paras, 1)], **kw)


def names(cleaned: Cleaned, registry=None) -> dict[str, Person]:
    return {p.name: p for p in find_people(cleaned, registry)}


def test_role_and_name():
    got = names(_c("German Chancellor Olaf Scholz met Kenyan President William Ruto on Monday."))
    assert set(got) == {"Olaf Scholz", "William Ruto"}
    assert got["Olaf Scholz"].roles == ["Chancellor"]
    assert got["William Ruto"].roles == ["President"]


def test_lowercase_role_before_name():
    got = names(_c("The ministry's spokesman Lars Vogt and war cabinet minister Dana Ilan spoke."))
    assert got["Lars Vogt"].roles == ["spokesman"]
    assert "Dana Ilan" in got


def test_surname_and_honorific_resolve_to_full_name():
    got = names(_c("Foreign Minister Priya Raman arrived on Monday.",
                   "Mr. Raman later said talks went well. Raman's aides agreed."))
    assert set(got) == {"Priya Raman"}
    assert got["Priya Raman"].mentions == 3


@pytest.mark.parametrize(("full", "short"), [
    ("Ovaldo Tremmerhaus", "O. Tremmerhaus"),
    ("Maren Kalla Dravecka", "M. K. Dravecka"),
    ("Maren Ilse Dravecka", "M. Dravecka"),
])
def test_an_initialled_form_is_the_full_name(full: str, short: str):
    got = names(_c(f"Foreign Minister {full} arrived in Oslo on Monday.",
                   f"During the talks, Minister {short} said the visit would go on."))
    assert set(got) == {full}
    assert got[full].mentions == 2


def test_an_initial_shared_by_two_full_names_stays_apart():
    got = names(_c("Minister Jarek Velmont met Minister Jonas Velmont on Monday.",
                   "Minister J. Velmont said the talks went well."))
    assert "Jarek Velmont" in got and "Jonas Velmont" in got
    assert got["Jarek Velmont"].mentions == 1 and got["Jonas Velmont"].mentions == 1


def test_particles_and_prefixes():
    got = names(_c("UN envoy Ursula van der Berg met army chief Abdel Karim al-Tayeb.",
                   '"We will not yield," said Sheikh Hamad bin Khalid.'))
    assert {"Ursula van der Berg", "Abdel Karim al-Tayeb", "Hamad bin Khalid"} <= set(got)


def test_initials_that_are_also_function_words():
    got = names(_c("Trade Minister A. K. Varadan flew to Oslo.", "Varadan met officials."))
    assert set(got) == {"A. K. Varadan"}
    assert got["A. K. Varadan"].mentions == 2
    assert names(_c("Plan A. Officials said so. Group I. Germany won.")) == {}


def test_initials_and_name_used_as_a_firm_are_not_a_person():
    text = ("K.L. Brandt analysts expect a cut. Economists at K.L. Brandt agreed, and "
            "Senator J.D. Hale said no.")
    assert set(names(_c(text))) == {"J.D. Hale"}


def test_geographic_features_and_institutions_are_not_people():
    got = names(_c("Mount Elgon said nothing new. River Tana, who knows, rose. Lake Tana has "
                   "dried, officials at the Holy See and the Pontifical Scots College said."))
    assert got == {}


def test_lowercase_particles_inside_names():
    got = names(_c("President Teodoro dela Paz arrived. Dela Paz said little.",
                   "Felipe de la Fuente said yes, and Rosa dos Santos, who chairs it, agreed."))
    assert set(got) == {"Teodoro dela Paz", "Felipe de la Fuente", "Rosa dos Santos"}
    assert got["Teodoro dela Paz"].mentions == 2


def test_honorifics_from_the_lexicon_are_not_part_of_the_name():
    got = names(_c("Hajiya Amina Lawal-Bello spoke first. Lawal-Bello said it.",
                   "Dame Ellen Prowse and Rev. Colin Attwater attended, and Alhaji Musa "
                   "Danladi thanked them."))
    assert set(got) == {"Amina Lawal-Bello", "Ellen Prowse", "Colin Attwater", "Musa Danladi"}


def test_appositive_roles():
    got = names(_c("She met her Portuguese counterpart, Rui Mendes Prado, on visas.",
                   "Guests included Amara Okoye-Bell, chief executive of the Accra Chamber of "
                   "Commerce, and others.",
                   "Tomas Greer, the country's finance minister, said rates would rise."))
    assert set(got) == {"Rui Mendes Prado", "Amara Okoye-Bell", "Tomas Greer"}
    assert got["Rui Mendes Prado"].roles == ["counterpart"]
    assert got["Amara Okoye-Bell"].roles == ["chief executive"]
    assert got["Tomas Greer"].roles == ["finance minister"]


def test_name_that_is_a_place_is_a_person():
    got = names(_c("Foreign Minister Israel Katz spoke in Israel.", "Katz said more."))
    assert set(got) == {"Israel Katz"}


def test_speech_verb_and_appositive_are_evidence():
    got = names(_c('"It is over," Marta Kowalczyk told reporters.',
                   "Tomas Herrera, a senior opposition official, disagreed."))
    assert set(got) == {"Marta Kowalczyk", "Tomas Herrera"}
    assert got["Tomas Herrera"].roles == ["senior opposition official"]


def test_not_people():
    got = names(_c("Hamas and Hezbollah fired rockets at Tel Aviv and the Gaza Strip.",
                   "The Secretary met the Prime Minister on Tuesday in South Africa.",
                   "Standing in Washington, the White House said nothing.",
                   "In October the Security Council met. Al-Aqsa Flood operation began."))
    assert got == {}


def test_bylines_credits_and_promo_lines_are_not_people():
    c = _c("By Jonas Weber", "Read more: Chancellor Anna Lenz resigns amid scandal",
           "President Amal Haddad visited Beirut. (Photo: Rami Saleh / AFP)",
           "Reporting by Claire Dubois; Editing by Tom Reed",
           credits=["Lina Park"], bylines=["Jonas Weber"])
    c.blocks.append(Block("p", "Photographer Lina Park said nothing.", 9))
    got = names(c)
    assert set(got) == {"Amal Haddad"}


def test_registry_canonicalizes_but_is_not_required(tmp_path):
    f = tmp_path / "people.toml"
    f.write_text('[[person]]\nname = "Antonio Guterres"\naliases = ["Guterres"]\n'
                 'roles = ["UN Secretary-General"]\ndescription = "UN chief."\n')
    reg = load_people(f)
    c = _c("Guterres urged calm. Kenyan President William Ruto agreed.")
    assert set(names(c, reg)) == {"Antonio Guterres", "William Ruto"}
    assert set(names(c)) == {"William Ruto"}


def test_invalid_people_file_names_file_and_line(tmp_path):
    f = tmp_path / "people.toml"
    f.write_text('[[person]]\nname = "A B"\naliases = [\n')
    with pytest.raises(EditorDataError) as e:
        load_people(f)
    assert "people.toml" in str(e.value) and "line" in str(e.value)


def test_example_people_file_loads():
    reg = load_people(ROOT / "content/people.toml")
    assert reg.lookup("Mr. Blinken") == "Antony Blinken"


def test_resolve_collection_surname_from_other_article():
    a = ArticleData(seed="a", stem="a", people=[Person("Scholz", ["Chancellor"], 2)])
    b = ArticleData(seed="b", stem="b", people=[Person("Olaf Scholz", ["Chancellor"], 1)])
    resolve_collection([a, b])
    assert [p.name for p in a.people] == ["Olaf Scholz"]
    assert a.people[0].mentions == 2


def test_titled_surname_alone_is_kept_until_resolved():
    got = names(_c("Chancellor Scholz flew to Kyiv."))
    assert set(got) == {"Scholz"}


# --- the five example seeds --------------------------------------------------

def _seeds():
    return SPEC_SEEDS


@pytest.mark.skipif(not SPEC.exists(), reason=f"seeds spec not found at {SPEC}")
@pytest.mark.parametrize("use_registry", [False, True])
@pytest.mark.parametrize("spec", _seeds(), ids=lambda s: s["file"][:3])
def test_seed_people(spec, use_registry):
    seed = ROOT / "seeds" / spec["file"]
    cleaned = clean(seed.read_text(encoding="utf-8"))
    reg = load_people(ROOT / "content/people.toml") if use_registry else None
    data = extract(cleaned, seed.name, seed.stem, registry=reg)
    got = {p.name for p in data.people}
    expected = set(spec["people"])
    optional = set(spec.get("people_optional", []))
    # Promo-only names (001's Netanyahu) can only disappear once the cleaner
    # removes promo lines; with the placeholder cleaner (nothing removed) we
    # check the rest and xfail that one assertion.
    promo_dependent = not cleaned.removed
    missing = expected - got
    extra = got - expected - optional
    if promo_dependent:
        extra -= set(spec.get("people_not", []))
    assert not missing, f"missing {missing}"
    assert not extra, f"unexpected {extra}"
    for bad in spec.get("people_not", []):
        if bad in got and promo_dependent:
            pytest.xfail(f"{bad} is promo-only; needs the real cleaner (Cleaned.removed empty)")
        assert bad not in got


# --- generalization rules (own example sentences) ------------------------------

def test_role_with_object_is_not_part_of_the_name():
    got = names(_c("Special Envoy for Migration Petra Halvorsen toured the camp on Monday. "
                   "Halvorsen said funding was short."))
    assert set(got) == {"Petra Halvorsen"}
    assert got["Petra Halvorsen"].mentions == 2


def test_appositive_role_before_a_comma():
    got = names(_c("He was greeted by Peru's ambassador to Norway, Marisol Quispe Huaman, "
                   "at the airport."))
    assert "Marisol Quispe Huaman" in got
    assert got["Marisol Quispe Huaman"].roles == ["ambassador to Norway"]


def test_appositive_role_with_an_organization():
    got = names(_c("Oskar Lindahl, the regional director of the Baltic Relief Network, "
                   "warned of shortages."))
    assert "Oskar Lindahl" in got


def test_honorific_and_given_name_resolves_to_full_name():
    got = names(_c("The emir, Sheikh Faisal bin Nasser Al Mansouri, hosted the talks. "
                   "Sheikh Faisal said the region needed calm."))
    assert set(got) == {"Faisal bin Nasser Al Mansouri"}
    assert got["Faisal bin Nasser Al Mansouri"].mentions == 2


def test_place_and_language_names_are_not_people():
    got = names(_c("Fishing boats crossed the East China Sea. Some signs were in Bahasa "
                   "Malaysia, and Nuevo Laredo officials met traders. Malaysia said nothing."))
    assert got == {}


def test_new_role_heads():
    got = names(_c("Commission Chairperson Adaeze Okonkwo opened the summit."))
    assert got["Adaeze Okonkwo"].roles == ["Commission Chairperson"]


def test_surname_that_is_a_place_is_not_a_place():
    from pelican.plugins.news_digest.extract.places import find_places

    text = "Deputy Minister Carla Lisbon arrived on Monday. Lisbon said the deal was close."
    assert "Lisbon" not in {e.name for e in find_places(text, ["Carla Lisbon"])}
    assert "Lisbon" in {e.name for e in find_places("Talks resumed in Lisbon.")}


# --- held-out failure kinds, with our own sentences ------------------------------------


def test_religious_titles_are_not_part_of_the_name():
    got = names(_c("Archbishop Tomasz Wielgo and Cardinal Renato Ferrante met pilgrims.",
                   "Bishop Ilona Varga of the Reformed Church, who chairs the council, said "
                   "the talks were useful. Pastor Emeka Obi said little."))
    assert {"Tomasz Wielgo", "Renato Ferrante", "Ilona Varga", "Emeka Obi"} <= set(got)
    assert not any(n.split()[0] in ("Cardinal", "Bishop", "Archbishop", "Pastor") for n in got)


def test_leading_initials_stay_with_the_name():
    got = names(_c("Health Minister Dr. K. Venkatesan visited the ward. Dr Venkatesan said "
                   "more beds were coming, and J. R. Mwangi, the hospital director, agreed."))
    assert "K. Venkatesan" in got and "K" not in got and "Venkatesan" not in got
    assert got["K. Venkatesan"].roles == ["Health Minister"]
    assert "J. R. Mwangi" in got


def test_relative_clause_age_and_person_noun_are_evidence():
    got = names(_c("The march was led by Hadiza Bello, whose son is missing.",
                   "Among them was Park Mi-ok, 84, from a village near the border.",
                   "The group was represented by Omar Abu Hashem, a member of its council."))
    assert {"Hadiza Bello", "Park Mi-ok", "Omar Abu Hashem"} <= set(got)


def test_possessive_pronoun_before_a_place_is_not_an_honorific():
    got = names(_c("Her Asia adviser, Tom Ridley, told reporters the tour would go ahead."))
    assert "Asia" not in got and "Tom Ridley" in got


def test_two_titled_people_joined_by_and():
    got = names(_c("He met European Commission President Karin Holm and European Council "
                   "President Pieter Aalders on Monday."))
    assert {"Karin Holm", "Pieter Aalders"} <= set(got)


def test_title_word_as_a_surname_after_a_given_name():
    got = names(_c("Gwen Bishop, the former foreign minister, said the deal held. "
                   "Rhys Pope told reporters it would not."))
    assert {"Gwen Bishop", "Rhys Pope"} <= set(got)


def test_dotted_initials_and_styles():
    got = names(_c("Vice-President T.J. Okoro met U.S. Marines. Okoro said. "
                   "His Holiness Pope Benedict prayed."))
    assert "T.J. Okoro" in got and got["T.J. Okoro"].roles == ["Vice-President"]
    assert "Holiness" not in got and "U.S. Marines" not in got


@pytest.mark.parametrize("byline", [
    "By Anne-Marie Dupont-Roy",
    "By Anne-Marie Dupont-Roy | Updated: 3 March 2025 14:02 IST",
    "Written by Anne-Marie Dupont-Roy | Kigali | Updated: March 3rd, 2025",
    "By Jean-Paul Habimana and Anne-Marie Dupont-Roy, Lakeside Courier",
    "By Anne-Marie Dupont-Roy in Kigali",
])
def test_hyphenated_byline_names_are_not_people(byline):
    raw = (f"Rwanda hosts lake summit\n{byline}\n\n"
           "KIGALI \u2014 Rwandan President Paul Kagame hosted the summit on Monday.\n\n"
           "Anne-Marie Dupont-Roy contributed from Goma, where officials said little.\n")
    got = {p.name for p in extract(clean(raw), "x", "x").people}
    assert got == {"Paul Kagame"}


def test_portfolio_names_belong_to_the_role_not_the_name():
    got = names(_c(
        "Zambia's Minister of Mines and Mineral Development, Chanda Mulenga, met "
        "Minister of Foreign Affairs and International Cooperation Esther Banda in Lusaka. "
        "Vice-Minister of Energy Joseph Phiri and the Secretary for Health and Social Care "
        "Helen Brierley joined them. Deputy Fisheries Minister Mwila took notes."))
    assert set(got) == {"Chanda Mulenga", "Esther Banda", "Joseph Phiri", "Helen Brierley",
                        "Mwila"}
    assert got["Esther Banda"].roles == [
        "Minister of Foreign Affairs and International Cooperation"]
    assert got["Chanda Mulenga"].roles == ["Minister of Mines and Mineral Development"]
    assert got["Joseph Phiri"].roles == ["Vice-Minister of Energy"]
    assert got["Helen Brierley"].roles == ["Secretary for Health and Social Care"]


def test_portfolio_list_with_commas():
    got = names(_c("Ghana's Minister of Trade, Industry and Investment, Kwame Asante, "
                   "arrived in Lome on Tuesday. Asante said talks would go on."))
    assert set(got) == {"Kwame Asante"}
    assert got["Kwame Asante"].roles == ["Minister of Trade, Industry and Investment"]
    assert got["Kwame Asante"].mentions == 2


def test_demonyms_are_never_part_of_a_name():
    got = names(_c(
        "Sri Lankan fishermen protested as Sri Lankan officials met the Peruvian "
        "Rosa Quispe and Kenyan President Daniel Otieno. South African envoy Thabo "
        "Nkosi said Sri Lankan waters were closed."))
    assert set(got) == {"Rosa Quispe", "Daniel Otieno", "Thabo Nkosi"}
    assert got["Daniel Otieno"].roles == ["President"]


def test_given_name_repeat_resolves_to_the_one_full_name():
    got = names(_c(
        "Somalia's Amina Farah Osman met Kenya's Wanjiku Mwangi Kariuki in Nairobi. "
        "Amina said the border would stay open. \"We are neighbours,\" Wanjiku told "
        "reporters."))
    assert set(got) == {"Amina Farah Osman", "Wanjiku Mwangi Kariuki"}
    assert got["Amina Farah Osman"].mentions == 2
    assert got["Wanjiku Mwangi Kariuki"].mentions == 2


def test_given_name_shared_by_two_people_is_not_resolved():
    got = names(_c("Foreign Minister Amina Farah Osman met Health Minister Amina Yusuf. "
                   "Amina said the talks went well."))
    assert set(got) == {"Amina Farah Osman", "Amina Yusuf"}
    assert got["Amina Farah Osman"].mentions == 1 and got["Amina Yusuf"].mentions == 1


def test_calendar_abbreviation_inside_a_name():
    got = names(_c("Trade Minister Tran Thi Thu Lan met economist Le Thu Hang, who said "
                   "exports rose. Lan said talks start on Thu."))
    assert "Tran Thi Thu Lan" in got and "Le Thu Hang" in got
    assert got["Tran Thi Thu Lan"].mentions == 2


def test_appositive_role_with_from():
    got = names(_c("Rosa Huaman Quispe, a community leader from Cusco who travelled to "
                   "Lima, said the mine must pay."))
    assert got["Rosa Huaman Quispe"].roles == ["community leader"]


def test_role_of_a_company_is_not_a_portfolio():
    got = names(_c("Le Van Tam, chief executive of Mekong Airlines, said fares would rise."))
    assert set(got) == {"Le Van Tam"}


def test_capitalized_programme_name_after_an_adjective_title_word_is_not_a_person():
    got = names(_c("Radars came under the Official Security Assistance programme, said "
                   "Defence Secretary Ramon Dizon. Dizon thanked Tokyo."))
    assert set(got) == {"Ramon Dizon"}


def test_shared_head_portfolio_and_titled_one_word_name_repeats():
    got = names(_c("The Secretary for Foreign and Diaspora Affairs, Amani Wekesa, told "
                   "parliament that Kenya stayed neutral. Defence Minister Okafor arrived "
                   "later. Okafor said the border was calm."))
    assert got["Amani Wekesa"].roles == ["Secretary for Foreign and Diaspora Affairs"]
    assert got["Okafor"].mentions == 2


def test_given_name_ending_like_a_participle_at_a_sentence_start():
    got = names(_c("Foreign Minister Ahmed Salem Nour arrived. Ahmed Salem Nour said talks "
                   "would go on. Asked about aid, Nour said little; he asked for patience."))
    assert set(got) == {"Ahmed Salem Nour"}
    assert got["Ahmed Salem Nour"].mentions == 3


def test_short_form_of_a_long_name_and_honorific_after_a_portfolio():
    got = names(_c("Qatar's Minister of Foreign Affairs Sheikh Khalid bin Hamad Al Nasser flew "
                   "to Cairo. Sheikh Khalid met officials. Khalid bin Hamad is expected to "
                   "return on Saturday."))
    assert set(got) == {"Khalid bin Hamad Al Nasser"}
    assert got["Khalid bin Hamad Al Nasser"].roles[0] == "Minister of Foreign Affairs"
    assert got["Khalid bin Hamad Al Nasser"].mentions == 3


def test_plural_title_before_a_list_of_names():
    got = names(_c("Presidents Amos Kiprono and Jean-Luc Habimana met in Kampala; foreign "
                   "ministers Ana Ruiz and Kofi Mensah signed."))
    assert set(got) == {"Amos Kiprono", "Jean-Luc Habimana", "Ana Ruiz", "Kofi Mensah"}
    assert got["Jean-Luc Habimana"].roles == ["President"]


def test_country_possessive_before_a_name():
    got = names(_c("The summit drew Ghana's Kwesi Amoah, Togo's Essozimna Tchalla and "
                   "Kenya's Achieng Oduor. Israel's Iron Dome, an iron shield under a dome, "
                   "was discussed."))
    assert set(got) == {"Kwesi Amoah", "Essozimna Tchalla", "Achieng Oduor"}


def test_research_titles_in_an_appositive():
    got = names(_c("Dr Evan Halim, a senior fellow at the Lakeside Institute, said Jakarta "
                   "would not join."))
    assert got["Evan Halim"].roles == ["senior fellow"]


def test_paternal_surname_of_a_double_surname():
    got = names(_c("Peru's Minister of Energy and Mines, Rosa Elena Quispe Huaman, spoke on "
                   "Monday. Minister Quispe said permits would be faster."))
    assert set(got) == {"Rosa Elena Quispe Huaman"}
    assert got["Rosa Elena Quispe Huaman"].mentions == 2


def test_calendar_words_as_given_names_and_title_of_an_organization():
    got = names(_c("Czech Foreign Minister Jan Novak met Defence Minister Li Jun. and Vice "
                   "Chairman of the Central Military Commission Zhao Weiming on Jan. 5. "
                   "Talks resumed Jan 9 with Sun Peiwen, who said little."))
    assert set(got) == {"Jan Novak", "Li Jun", "Zhao Weiming", "Sun Peiwen"}
    assert got["Zhao Weiming"].roles == ["Vice Chairman of the Central Military Commission"]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Cabinet Secretary for Interior and National Administration Kiprop Tanui spoke.",
     "Kiprop Tanui", "Cabinet Secretary for Interior and National Administration"),
    ("Deputy Minister of International Relations and Cooperation Alvin Botha met him.",
     "Alvin Botha", "Deputy Minister of International Relations and Cooperation"),
    ("Minister of Petroleum and Natural Gas Harjit Singh Rao arrived.",
     "Harjit Singh Rao", "Minister of Petroleum and Natural Gas"),
    ("Minister for Europe and Foreign Affairs Jean-Noel Barre met him.",
     "Jean-Noel Barre", "Minister for Europe and Foreign Affairs"),
    ("Minister of Veterans and Military Affairs Ana Leal spoke.",
     "Ana Leal", "Minister of Veterans and Military Affairs"),
])
def test_unlisted_portfolios_with_a_portfolio_last_word(text, name, role):
    got = names(_c(text))
    assert set(got) == {name}
    assert got[name].roles == [role]


def test_long_unlisted_portfolio_ending_in_a_portfolio_word():
    got = names(_c("High Representative for Foreign Affairs and Security Policy Liis Tamm met "
                   "Secretary of State Mark Rowe."))
    assert got["Liis Tamm"].roles == [
        "High Representative for Foreign Affairs and Security Policy"]
    assert got["Mark Rowe"].roles == ["Secretary of State"]


def test_a_repeated_capitalized_run_is_not_a_person():
    got = names(_c("Officials praised the Development Road project. Work on the Development "
                   "Road project starts soon. Minister Ana Ruiz agreed."))
    assert set(got) == {"Ana Ruiz"}


def test_object_of_a_verb_that_takes_a_person():
    got = names(_c("Rebels toppled Halim Razaq in December. The minister met Kestrel Dynamics "
                   "executives, then hosted Ines Varga, who spoke later."))
    assert set(got) == {"Halim Razaq", "Ines Varga"}


def test_abbreviated_titles_are_roles():
    got = names(_c("Sen. Jim Rusk, chairman of the committee, and Rep. Greta Meeker spoke; "
                   "Defense Minister Gen. Amos Odhiambo listened."))
    assert got["Jim Rusk"].roles[0] == "Sen."
    assert got["Greta Meeker"].roles == ["Rep."]
    assert got["Amos Odhiambo"].roles == ["Defense Minister Gen."]


# --- round 4: forms of address, particles and name shapes (invented mini-articles) ---

def test_religious_and_police_titles_are_not_part_of_the_name():
    got = names(_c("Brother Tomas Verhoef, who runs a soup kitchen in the port, said beds ran out.",
                   "Police spokesman Inspector Lindiwe Phiri said two men were held.",
                   "Sister Agnes Mwale said the clinic would stay open."))
    assert {"Tomas Verhoef", "Lindiwe Phiri", "Agnes Mwale"} <= set(got)
    assert not any(n.split()[0] in ("Brother", "Sister", "Inspector") for n in got)


def test_hyphenated_titles_are_roles_not_people():
    got = names(_c("The Solicitor-General, Dr. Kwesi Ampofo-Danso, argued the appeal.",
                   "The Auditor-General said the accounts were late."))
    assert "Kwesi Ampofo-Danso" in got
    assert not any("General" in n for n in got)


def test_nickname_in_quotes_inside_a_name():
    got = names(_c('Trade Secretary Jose "Pepito" de la Vega arrived in Jakarta on Monday.',
                   '"We came to listen," de la Vega told reporters.'))
    assert set(got) == {"Jose de la Vega"}
    got = names(_c('Maria "Chiqui" Santos told reporters the drills would go ahead.'))
    assert set(got) == {"Maria Santos"}


def test_wa_particle_in_east_african_names():
    got = names(_c("Mwangi wa Kariuki said the tender was rushed."))
    assert set(got) == {"Mwangi wa Kariuki"}


def test_honorific_as_last_word_of_a_longer_name():
    got = names(_c("She met the Minister for Fisheries, Salim Omar Haji, in Zanzibar.",
                   "Haji said the licences would be reviewed."))
    assert "Salim Omar Haji" in got
    assert "Salim Omar" not in got


def test_region_after_a_role_object_is_not_part_of_the_name():
    got = names(_c("Shadow minister for the Caribbean Lucy Hartwell-Boyd told Radio 5 on Monday"
                   " that the aid was late."))
    assert set(got) == {"Lucy Hartwell-Boyd"}


def test_formal_state_name_before_a_name_is_not_part_of_it():
    got = names(_c("Minister of Water of the Czech Republic Jana Kollarova visited Vienna.",
                   "Kollarova said the dam would be finished in May."))
    assert set(got) == {"Jana Kollarova"}


def test_press_release_contact_is_not_a_person_of_the_story():
    story = "Health Minister Olga Petrenko opened the new ward in Lviv on Tuesday."
    for tail in (["Media contact: Ivan Koval, +380 44 000 0000, press@example.org"],
                 ["For press inquiries:", "Ivan Koval, Head of Communications",
                  "Tel.: +380 44 000 0000"],
                 ["Media contacts\nIvan Koval, spokesman\nivan@example.org"]):
        got = names(_c(story, *tail))
        assert set(got) == {"Olga Petrenko"}, tail
    # a story person with the same shape of line, but no contact header, is kept
    got = names(_c(story, "Ivan Koval, a hospital spokesman, said beds were ready."))
    assert "Ivan Koval" in got


def test_group_nouns_of_peoples_are_not_people():
    got = names(_c("Leaders of the Bosnian Croats met in Mostar.",
                   "Kirkuk Kurds said they would vote. Kirkuk Kurds rallied again."))
    assert got == {}


def test_adjective_before_a_place_at_sentence_start_is_not_a_name():
    got = names(_c("Ruritania wants a deal. Bordering Moldova is watching. Moldova said no."))
    assert got == {}


def test_town_before_a_relative_clause_verb_is_not_a_person():
    got = names(_c("Father Luis Ortega, who runs a shelter in Ixtal Nuevo, was unimpressed."))
    assert set(got) == {"Luis Ortega"}


def test_particle_surname_alone_folds_into_the_full_name():
    got = names(_c("Interior Secretary Ana Maria de la Vega Ruiz crossed the river on Monday.",
                   "De la Vega met the governor and said the plan was agreed."))
    assert set(got) == {"Ana Maria de la Vega Ruiz"}
    assert got["Ana Maria de la Vega Ruiz"].mentions == 2


def test_professional_appositive_is_person_evidence():
    got = names(_c("Otieno wa Mwangi, a Mombasa-based economist who studies ports, was wary."))
    assert set(got) == {"Otieno wa Mwangi"}


def test_justice_before_a_name_is_a_title():
    got = names(_c("Two judges, Justice Amara Koroma and Justice Efua Mensah-Bonsu, dissented."))
    assert {"Amara Koroma", "Efua Mensah-Bonsu"} <= set(got)
    assert got["Efua Mensah-Bonsu"].roles == ["Justice"]
    got = names(_c("The Ministry of Justice said on Monday that the inquiry was closed."))
    assert got == {}


def test_malaysian_honorific_pair_before_a_name():
    got = names(_c("Home Minister Datuk Seri Azlan Mohd Yusof said the border was calm. "
                   "Azlan Mohd Yusof spoke in Putrajaya."))
    assert set(got) == {"Azlan Mohd Yusof"}


def test_swedish_particle_af_in_a_name():
    got = names(_c("Trade Minister Anna-Karin af Wetterstedt arrived on Monday. "
                   "\"We are ready,\" af Wetterstedt said."))
    assert set(got) == {"Anna-Karin af Wetterstedt"}


def test_middle_initial_after_a_short_given_name():
    got = names(_c("Former Mayor Kiri T. Holmgaard said the vote had united the town."))
    assert set(got) == {"Kiri T. Holmgaard"}


def test_appositive_role_whose_object_holds_another_head_word():
    got = names(_c("A co-accused, Mirela Horvat-Kos, the acting director of the agency's "
                   "official register, was acquitted."))
    assert set(got) == {"Mirela Horvat-Kos"}
    assert got["Mirela Horvat-Kos"].roles == ["acting director"]


def test_masthead_outlet_is_not_a_person():
    c = _c("The minister said the border was long, \"It is our border too,\" she told "
           "Nordic Current.", "More text here.", headline="NORDIC CURRENT \u2013 ENGLISH EDITION")
    assert names(c) == {}
    c = _c("Islanders voted on Tuesday.", "\"Everyone will vote,\" Mr Tari told Reef Waves.",
           "Reef Waves Radio \u2014 the voice of the reef", headline="Islands vote again")
    assert set(names(c)) == {"Tari"}
    # a person's name before a separator in an ordinary headline is still a person
    c = _c("Ana Kovacs-Lind said on Monday she would run.",
           headline="Ana Kovacs-Lind \u2013 the mayor who wants more")
    assert set(names(c)) == {"Ana Kovacs-Lind"}


def test_glued_initials_after_a_title():
    got = names(_c("Deputy Premier KT Marlowe arrived in the capital on Monday."))
    assert set(got) == {"KT Marlowe"}
    got = names(_c("The UN Security Council met on Monday."))
    assert got == {}


def test_salt_flat_and_range_are_features_not_people():
    got = names(_c("Investors eye the Salar de Tarapaca, the minister said. "
                   "Sierra Velasca rises above the valley, officials said."))
    assert got == {}


def test_initial_name_after_an_organization_title():
    got = names(_c("Reserve Bank of Ruritania Governor K. Amalu Perera said rates would hold."))
    assert set(got) == {"K. Amalu Perera"}


def test_coach_and_manager_are_titles():
    got = names(_c("For the hosts, the stakes are high. Coach Tomas Varga-Lind has spoken of "
                   "unfinished business, and manager Ines Okafor agreed."))
    assert set(got) == {"Tomas Varga-Lind", "Ines Okafor"}
    assert got["Tomas Varga-Lind"].roles == ["Coach"]


# Name forms (issue 14): each rule, an invented sentence, and the people it must give.
NAME_FORMS = [
    ("regnal number", "King Tavian IV opened the session, and Tavian IV said it would last.",
     {"Tavian IV"}),
    ("generational suffix and middle initial",
     "Senator Rolf K. Amundsen Jr. spoke. Later Rolf Amundsen said he would run again.",
     {"Rolf K. Amundsen Jr."}),
    ("glued initials after an abbreviated title",
     "The bloc, led by Rep. TK Morrow of the fourth district, walked out.", {"TK Morrow"}),
    ("dotted honorific is not initials",
     "She met the Finance Minister of Norway, H.E. Dario Vell Castan, on Monday.",
     {"Dario Vell Castan"}),
    ("forms of address", "Cllr. Ima Dodds and Dasho Pem Wangdi met Ratu Joni Kalou.",
     {"Ima Dodds", "Pem Wangdi", "Joni Kalou"}),
    ("a title acronym is not initials",
     "Deputy PM Ana Lorne Vey arrived. Deputy PM Vey said the line would open.",
     {"Ana Lorne Vey"}),
    ("a common noun inside a name is a thing",
     "Super Typhoon Mirela hit the coast; the typhoon cut the Coastal Highway, and the "
     "highway stayed shut, Governor Ana Reyes said.", {"Ana Reyes"}),
]


@pytest.mark.parametrize("rule, text, expected", NAME_FORMS, ids=[r[0] for r in NAME_FORMS])
def test_name_forms(rule, text, expected):
    assert set(names(_c(text))) == expected, rule


ROLE_FORMS = [
    ("a doubled word sequence", ["US Secretary of State of State"], ["US Secretary of State"]),
    ("a doubled word", ["Deputy Deputy Minister"], ["Deputy Minister"]),
    ("the fuller form stands for the shorter", ["Secretary of State", "U.S. Secretary of State"],
     ["U.S. Secretary of State"]),
    ("the shorter form after the fuller adds nothing",
     ["US Secretary of State", "Secretary of State"], ["US Secretary of State"]),
    ("different titles stay", ["Foreign Minister", "party leader"],
     ["Foreign Minister", "party leader"]),
]


@pytest.mark.parametrize("rule, given, expected", ROLE_FORMS, ids=[r[0] for r in ROLE_FORMS])
def test_role_forms(rule, given, expected):
    roles: list[str] = []
    for role in given:
        add_role(roles, role)
    assert roles == expected, rule


def test_seed_003_gives_one_role_without_the_doubled_words():
    seed = next((ROOT / "seeds").glob("003_*.txt"))
    got = {p.name: p for p in extract(clean(seed.read_text(encoding="utf-8")), "s", "s").people}
    assert got["Antony Blinken"].roles == ["US Secretary of State"]
