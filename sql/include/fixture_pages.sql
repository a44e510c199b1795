-- The fixture pages of test/fixtures/articles as psql variables f01 .. f14 (raw
-- pages), for the regress tests that read them: \i sql/include/fixture_pages.sql
\set f01 `cat test/fixtures/articles/01-kim-train-arrives.txt`
\set f02 `cat test/fixtures/articles/02-summit-at-vostochny.txt`
\set f03 `cat test/fixtures/articles/03-putin-space-help.txt`
\set f04 `cat test/fixtures/articles/04-us-sanctions-warning.txt`
\set f05 `cat test/fixtures/articles/05-what-we-know.txt`
\set f06 `cat test/fixtures/articles/06-seoul-concern-yonhap.txt`
\set f07 `cat test/fixtures/articles/07-lavrov-arrives.txt`
\set f08 `cat test/fixtures/articles/08-what-kim-took-home.txt`
\set f09 `cat test/fixtures/articles/09-kcna-putin-arrives.txt`
\set f10 `cat test/fixtures/articles/10-treaty-signed.txt`
\set f11 `cat test/fixtures/articles/11-tass-ushakov-treaty.txt`
\set f12 `cat test/fixtures/articles/12-troops-kursk-10000.txt`
\set f13 `cat test/fixtures/articles/13-boilerplate-only.txt`
\set f14 `cat test/fixtures/articles/14-ap-3000-troops.txt`
