-- =====================================================================
-- DoSQL Studio demo database
--
-- Schema follows the example schema of the DoSQL SvelteKit guide
-- (users, sessions, products, orders, order_items, posts, comments,
-- likes, todos). Data is generated in pure SQLite SQL with recursive
-- CTEs and random(); no extensions, no dot-commands, no PRAGMAs.
--
-- Conventions (as in the guide):
--   * ids are TEXT ('usr_000123', 'ord_004711', ...; todos use UUIDs
--     like crypto.randomUUID()); numbered ids follow creation order
--   * timestamps are INTEGER milliseconds since the Unix epoch, spread
--     over the ~120 days before 2026-11-20 00:00:00 UTC
--     (= 1795132800000 ms; 1 day = 86400000 ms)
--
-- Helper tables are TEMP tables and are dropped before COMMIT.
-- Wherever one random value is used more than once it is stored first
-- (temp table or MATERIALIZED CTE), because SQLite may re-evaluate a
-- random() expression each time a flattened subquery column is used.
-- =====================================================================

BEGIN;

-- ---------------------------------------------------------------------
-- Schema
-- ---------------------------------------------------------------------

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  avatar_url TEXT,
  bio TEXT,
  role TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('admin', 'user', 'guest')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  user_agent TEXT,
  ip TEXT,
  created_at INTEGER NOT NULL,
  last_active INTEGER NOT NULL
);

CREATE TABLE products (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  price REAL NOT NULL,
  stock INTEGER NOT NULL DEFAULT 0,
  category TEXT,
  image BLOB,
  created_at INTEGER NOT NULL
);

CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled')),
  total REAL NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE order_items (
  id INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  product_id TEXT NOT NULL REFERENCES products(id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price REAL NOT NULL
);

CREATE TABLE posts (
  id TEXT PRIMARY KEY,
  author_id TEXT NOT NULL REFERENCES users(id),
  title TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  content TEXT NOT NULL,
  excerpt TEXT,
  published INTEGER NOT NULL DEFAULT 0,
  published_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE comments (
  id TEXT PRIMARY KEY,
  post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES users(id),
  content TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE likes (
  post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (post_id, user_id)
) WITHOUT ROWID;

CREATE TABLE todos (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  completed INTEGER DEFAULT 0,
  position INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE INDEX idx_todos_position ON todos(position);

-- ---------------------------------------------------------------------
-- Helper: a sequence 1..30000
-- ---------------------------------------------------------------------

CREATE TEMP TABLE tmp_seq (n INTEGER PRIMARY KEY);
INSERT INTO tmp_seq (n)
WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 30000)
SELECT n FROM c;

-- ---------------------------------------------------------------------
-- Word lists
-- ---------------------------------------------------------------------

CREATE TEMP TABLE tmp_first (i INTEGER PRIMARY KEY, name TEXT NOT NULL, ascii TEXT);
INSERT INTO tmp_first (name)
SELECT column1 FROM (VALUES
  ('Emma'), ('Liam'), ('Olivia'), ('Noah'), ('Ava'), ('Elijah'), ('Sophia'), ('James'),
  ('Isabella'), ('Lucas'), ('Mia'), ('Mason'), ('Amelia'), ('Ethan'), ('Harper'), ('Logan'),
  ('Evelyn'), ('Benjamin'), ('Abigail'), ('Oliver'), ('Charlotte'), ('Henry'), ('Emily'),
  ('Alexander'), ('Ella'), ('Daniel'), ('Grace'), ('Michael'), ('Chloe'), ('Samuel'), ('Lily'),
  ('David'), ('Hannah'), ('Joseph'), ('Nora'), ('Matthew'), ('Zoë'), ('Jack'), ('Sarah'),
  ('Leo'), ('Maya'), ('Gabriel'), ('Aria'), ('Julian'), ('Layla'), ('Owen'), ('Stella'),
  ('Ryan'), ('Aurora'), ('Nathan'), ('Hazel'), ('Isaac'), ('Violet'), ('Adam'), ('Claire'),
  ('Thomas'), ('Lucy'), ('Aaron'), ('Anna'), ('Marcus'), ('Elena'), ('Sebastian'), ('Sofía'),
  ('Mateo'), ('Lucía'), ('Diego'), ('Camila'), ('Santiago'), ('Valentina'), ('José'), ('Ana'),
  ('Carlos'), ('Priya'), ('Arjun'), ('Ananya'), ('Rohan'), ('Aisha'), ('Omar'), ('Fatima'),
  ('Yusuf'), ('Mei'), ('Wei'), ('Jia'), ('Hiroshi'), ('Yuki'), ('Haruto'), ('Sakura'),
  ('Min-jun'), ('Seo-yeon'), ('Ji-ho'), ('Kwame'), ('Ama'), ('Chinedu'), ('Ngozi'), ('Tariq'),
  ('Leila'), ('François'), ('Chloé'), ('Amélie'), ('Jürgen'), ('Björn'), ('Søren'), ('Ingrid'),
  ('Astrid'), ('Freya'), ('Mikhail'), ('Anastasia'), ('Dmitri'), ('Łukasz'), ('Zofia'),
  ('Aoife'), ('Siobhán'), ('Niamh'), ('Cian'), ('Renée'), ('Noémie'), ('Giulia'), ('Marco'),
  ('Luca'), ('Francesca'), ('Tomás'), ('Inês'), ('João'), ('Kai'), ('Rina'), ('Elif'), ('Emre')
);

CREATE TEMP TABLE tmp_last (i INTEGER PRIMARY KEY, name TEXT NOT NULL, ascii TEXT);
INSERT INTO tmp_last (name)
SELECT column1 FROM (VALUES
  ('Smith'), ('Johnson'), ('Williams'), ('Brown'), ('Jones'), ('Garcia'), ('Miller'), ('Davis'),
  ('Rodriguez'), ('Martinez'), ('Hernandez'), ('Lopez'), ('Gonzalez'), ('Wilson'), ('Anderson'),
  ('Thomas'), ('Taylor'), ('Moore'), ('Jackson'), ('Martin'), ('Lee'), ('Perez'), ('Thompson'),
  ('White'), ('Harris'), ('Sanchez'), ('Clark'), ('Ramirez'), ('Lewis'), ('Robinson'), ('Walker'),
  ('Young'), ('Allen'), ('King'), ('Wright'), ('Scott'), ('Torres'), ('Nguyen'), ('Hill'),
  ('Flores'), ('Green'), ('Adams'), ('Nelson'), ('Baker'), ('Hall'), ('Rivera'), ('Campbell'),
  ('Mitchell'), ('Carter'), ('Roberts'), ('O''Brien'), ('O''Connor'), ('Murphy'), ('Kelly'),
  ('Sullivan'), ('Walsh'), ('Müller'), ('Schmidt'), ('Schneider'), ('Fischer'), ('Weber'),
  ('Becker'), ('Dubois'), ('Lefèvre'), ('Moreau'), ('Laurent'), ('García'), ('Fernández'),
  ('Núñez'), ('Romero'), ('Rossi'), ('Russo'), ('Bianchi'), ('Ferrari'), ('Costa'), ('Silva'),
  ('Santos'), ('Oliveira'), ('Pereira'), ('Kowalski'), ('Nowak'), ('Wiśniewska'), ('Ivanov'),
  ('Petrov'), ('Smirnova'), ('Kuznetsov'), ('Jensen'), ('Nielsen'), ('Hansen'), ('Andersson'),
  ('Johansson'), ('Lindqvist'), ('Østergaard'), ('Virtanen'), ('Korhonen'), ('Yılmaz'),
  ('Özdemir'), ('Kaya'), ('Çelik'), ('Haddad'), ('Khalil'), ('Mansour'), ('Okafor'), ('Mensah'),
  ('Adeyemi'), ('Mwangi'), ('Patel'), ('Sharma'), ('Gupta'), ('Singh'), ('Iyer'), ('Reddy'),
  ('Kim'), ('Park'), ('Choi'), ('Tanaka'), ('Suzuki'), ('Sato'), ('Watanabe'), ('Yamamoto'),
  ('Chen'), ('Wang'), ('Li'), ('Zhang'), ('Liu'), ('Huang'), ('Tran'), ('Pham'), ('Cohen'),
  ('Levi'), ('Friedman'), ('van der Berg'), ('de Vries'), ('MacDonald'), ('Fraser')
);

-- ASCII forms for e-mail addresses (lower() only folds ASCII letters).
UPDATE tmp_first SET ascii =
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
  replace(replace(replace(replace(lower(name),
  'é', 'e'), 'è', 'e'), 'ë', 'e'), 'ê', 'e'), 'á', 'a'), 'ã', 'a'), 'å', 'a'), 'ä', 'a'),
  'í', 'i'), 'ı', 'i'), 'ó', 'o'), 'ö', 'o'), 'ø', 'o'), 'ú', 'u'), 'ü', 'u'), 'ñ', 'n'),
  'ç', 'c'), 'ś', 's'), 'ł', 'l'), 'Ł', 'l'), 'Ø', 'o'), ' ', ''), '-', ''), '''', '');
UPDATE tmp_last SET ascii =
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
  replace(replace(replace(replace(replace(replace(lower(name),
  'é', 'e'), 'è', 'e'), 'ë', 'e'), 'ê', 'e'), 'á', 'a'), 'ã', 'a'), 'å', 'a'), 'ä', 'a'),
  'í', 'i'), 'ı', 'i'), 'ó', 'o'), 'ö', 'o'), 'ø', 'o'), 'ú', 'u'), 'ü', 'u'), 'ñ', 'n'),
  'ç', 'c'), 'ś', 's'), 'ł', 'l'), 'Ł', 'l'), 'Ø', 'o'), 'Ö', 'o'), 'Ç', 'c'),
  ' ', ''), '-', ''), '''', '');

-- Mail domains (repeated entries = weights).
CREATE TEMP TABLE tmp_domain (i INTEGER PRIMARY KEY, d TEXT NOT NULL);
INSERT INTO tmp_domain (d)
SELECT column1 FROM (VALUES
  ('gmail.com'), ('gmail.com'), ('gmail.com'), ('gmail.com'), ('gmail.com'), ('gmail.com'),
  ('outlook.com'), ('outlook.com'), ('yahoo.com'), ('yahoo.com'), ('icloud.com'), ('icloud.com'),
  ('hotmail.com'), ('proton.me'), ('fastmail.com'), ('hey.com'), ('gmx.de'), ('web.de'),
  ('orange.fr'), ('libero.it'), ('naver.com'), ('mail.com'), ('example.com'), ('zoho.com')
);

CREATE TEMP TABLE tmp_bio_a (i INTEGER PRIMARY KEY, s TEXT NOT NULL);
INSERT INTO tmp_bio_a (s)
SELECT column1 FROM (VALUES
  ('Backend engineer'), ('Product designer'), ('Data analyst at a logistics company'),
  ('Freelance photographer'), ('Full-stack developer'), ('CS student'), ('Engineering manager'),
  ('Indie hacker'), ('Technical writer'), ('Database nerd'), ('Barista turned developer'),
  ('Site reliability engineer'), ('High-school teacher'), ('Nurse and weekend coder'),
  ('Open source maintainer'), ('Startup founder'), ('Mobile developer'), ('UX researcher'),
  ('Game developer'), ('Retired sysadmin'), ('Frontend developer'), ('Security researcher'),
  ('PhD student in distributed systems'), ('Small business owner'), ('Developer advocate')
);

CREATE TEMP TABLE tmp_bio_b (i INTEGER PRIMARY KEY, s TEXT NOT NULL);
INSERT INTO tmp_bio_b (s)
SELECT column1 FROM (VALUES
  ('Coffee snob.'), ('Building things with SvelteKit.'), ('Loves SQLite more than is healthy.'),
  ('Weekend hiker ⛰️'), ('Cat person 🐈'), ('Runs on cold brew.'), ('Learning Japanese.'),
  ('Amateur baker 🍞'), ('Always refactoring.'), ('Based in Berlin.'), ('Based in Lisbon.'),
  ('Based in Toronto.'), ('Based in Singapore.'), ('Based in Nairobi.'), ('Opinions are my own.'),
  ('Writes about edge computing.'), ('Vinyl collector.'), ('Dad of two.'), ('Mom of three.'),
  ('Chess enthusiast ♟️'), ('Currently reading too many books.'), ('Occasional marathoner.'),
  ('Plant parent 🌱'), ('Ships on Fridays.'), ('Tabs, not spaces.')
);

CREATE TEMP TABLE tmp_ua (i INTEGER PRIMARY KEY, ua TEXT NOT NULL);
INSERT INTO tmp_ua (ua)
SELECT column1 FROM (VALUES
  ('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36'),
  ('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36'),
  ('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0'),
  ('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15'),
  ('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36'),
  ('Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0'),
  ('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0'),
  ('Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'),
  ('Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'),
  ('Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1'),
  ('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36'),
  ('Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Mobile Safari/537.36'),
  ('DoSQLStudio/1.0 (Qt 6.8; Linux x86_64)'),
  ('curl/8.5.0'),
  ('okhttp/4.12.0')
);

-- Product catalogue building blocks: noun, category, base price.
CREATE TEMP TABLE tmp_noun (i INTEGER PRIMARY KEY, noun TEXT NOT NULL, category TEXT NOT NULL, base REAL NOT NULL);
INSERT INTO tmp_noun (noun, category, base)
SELECT column1, column2, column3 FROM (VALUES
  ('Mug', 'Kitchen', 14), ('Teapot', 'Kitchen', 32), ('French Press', 'Kitchen', 29),
  ('Pour-Over Kettle', 'Kitchen', 59), ('Chef''s Knife', 'Kitchen', 79), ('Cutting Board', 'Kitchen', 35),
  ('Espresso Cups (Set of 4)', 'Kitchen', 24), ('Cast Iron Skillet', 'Kitchen', 45),
  ('Spice Grinder', 'Kitchen', 22), ('Salad Bowl', 'Kitchen', 28),
  ('T-Shirt', 'Apparel', 22), ('Hoodie', 'Apparel', 54), ('Tote Bag', 'Apparel', 18),
  ('Beanie', 'Apparel', 19), ('Merino Socks', 'Apparel', 16), ('Rain Jacket', 'Apparel', 119),
  ('Denim Jacket', 'Apparel', 89), ('Linen Shirt', 'Apparel', 49), ('Baseball Cap', 'Apparel', 24),
  ('Wireless Earbuds', 'Electronics', 79), ('USB-C Cable', 'Electronics', 12),
  ('Mechanical Keyboard', 'Electronics', 129), ('Desk Lamp', 'Electronics', 45),
  ('Power Bank', 'Electronics', 39), ('Bluetooth Speaker', 'Electronics', 59),
  ('Webcam', 'Electronics', 69), ('Phone Stand', 'Electronics', 19),
  ('Noise-Cancelling Headphones', 'Electronics', 199), ('Smart Plug', 'Electronics', 15),
  ('Notebook', 'Office', 12), ('Fountain Pen', 'Office', 39), ('Desk Organizer', 'Office', 29),
  ('Monitor Riser', 'Office', 49), ('Weekly Planner', 'Office', 21), ('Laptop Sleeve', 'Office', 34),
  ('Throw Blanket', 'Home', 59), ('Scented Candle', 'Home', 24), ('Ceramic Vase', 'Home', 34),
  ('Wall Clock', 'Home', 39), ('Linen Pillow Cover', 'Home', 26), ('Doormat', 'Home', 29),
  ('Plant Pot', 'Home', 18), ('Water Bottle', 'Outdoors', 25), ('Camping Mug', 'Outdoors', 16),
  ('Daypack', 'Outdoors', 69), ('Hammock', 'Outdoors', 49), ('Headlamp', 'Outdoors', 29),
  ('Trekking Poles', 'Outdoors', 79), ('Picnic Blanket', 'Outdoors', 39),
  ('Yoga Mat', 'Sports', 39), ('Jump Rope', 'Sports', 14), ('Resistance Bands', 'Sports', 22),
  ('Running Belt', 'Sports', 19), ('Foam Roller', 'Sports', 27),
  ('Hand Cream', 'Beauty', 14), ('Lip Balm', 'Beauty', 6), ('Shaving Kit', 'Beauty', 49),
  ('Face Serum', 'Beauty', 34), ('Jigsaw Puzzle (1000 pcs)', 'Toys', 24),
  ('Wooden Train Set', 'Toys', 44), ('Plush Bear', 'Toys', 21), ('Card Game', 'Toys', 18),
  ('Dog Leash', 'Pets', 22), ('Cat Scratcher', 'Pets', 29), ('Pet Bowl', 'Pets', 15)
);

CREATE TEMP TABLE tmp_adj (i INTEGER PRIMARY KEY, w TEXT NOT NULL);
INSERT INTO tmp_adj (w)
SELECT column1 FROM (VALUES
  ('Classic'), ('Everyday'), ('Premium'), ('Vintage'), ('Minimalist'), ('Nordic'), ('Compact'),
  ('Deluxe'), ('Artisan'), ('Organic'), ('Urban'), ('Retro'), ('Pro'), ('Essential'),
  ('Handmade'), ('Signature'), ('Travel'), ('Eco'), ('Heritage'), ('Studio'), ('Weekend'),
  ('Coastal'), ('Alpine'), ('Modern'), ('Original')
);

CREATE TEMP TABLE tmp_color (i INTEGER PRIMARY KEY, w TEXT NOT NULL);
INSERT INTO tmp_color (w)
SELECT column1 FROM (VALUES
  ('Walnut'), ('Slate'), ('Oat'), ('Charcoal'), ('Sage'), ('Terracotta'), ('Navy'), ('Ivory'),
  ('Copper'), ('Matte Black'), ('Forest Green'), ('Sand'), ('Rust'), ('Stone'), ('Cobalt')
);

CREATE TEMP TABLE tmp_pdesc_a (i INTEGER PRIMARY KEY, s TEXT NOT NULL);
INSERT INTO tmp_pdesc_a (s)
SELECT column1 FROM (VALUES
  ('A {adj} {noun} designed for everyday use and built to last.'),
  ('Our best-selling {noun}, now in {color}.'),
  ('The {noun} you will reach for every single day.'),
  ('Thoughtfully designed {noun} with a clean, timeless look.'),
  ('A small upgrade that makes a big difference: the {adj} {noun}.'),
  ('Made in small batches by a family-run workshop.'),
  ('Part of our {adj} collection; pairs well with everything else in it.'),
  ('Simple, sturdy and honest: a {noun} without the gimmicks.'),
  ('Customer favourite since our very first season.'),
  ('Lightweight, durable and finished in {color}.')
);

CREATE TEMP TABLE tmp_pdesc_b (i INTEGER PRIMARY KEY, s TEXT NOT NULL);
INSERT INTO tmp_pdesc_b (s)
SELECT column1 FROM (VALUES
  ('Responsibly sourced materials.'), ('Backed by a two-year warranty.'),
  ('Ships in plastic-free packaging.'), ('Free returns within 30 days.'),
  ('Dishwasher safe.'), ('Hand wash recommended.'), ('Each piece is slightly unique.'),
  ('Limited run; restocks are not guaranteed.'), ('Makes a great gift.'),
  ('Tested by our team for six months before launch.'), ('Fits in most bags.'),
  ('Available while stocks last.')
);

-- Blog post building blocks.
CREATE TEMP TABLE tmp_topic (i INTEGER PRIMARY KEY, t TEXT NOT NULL, s TEXT NOT NULL);
INSERT INTO tmp_topic (t, s)
SELECT column1, column2 FROM (VALUES
  ('SQLite', 'SQLite'), ('Edge Databases', 'edge databases'), ('Durable Objects', 'Durable Objects'),
  ('SvelteKit', 'SvelteKit'), ('TypeScript', 'TypeScript'), ('Serverless', 'serverless'),
  ('WebSockets', 'WebSockets'), ('Remote Work', 'remote work'), ('Sourdough', 'sourdough'),
  ('Home Espresso', 'home espresso'), ('Trail Running', 'trail running'),
  ('Mechanical Keyboards', 'mechanical keyboards'), ('Indoor Plants', 'indoor plants'),
  ('Minimalism', 'minimalism'), ('Personal Finance', 'personal finance'),
  ('Open Source', 'open source'), ('Code Review', 'code review'),
  ('Technical Writing', 'technical writing'), ('Cold Brew', 'cold brew'),
  ('Bikepacking', 'bikepacking'), ('Rust', 'Rust'), ('Database Indexing', 'database indexing'),
  ('Caching', 'caching'), ('Observability', 'observability'), ('CSS Grid', 'CSS Grid'),
  ('Accessibility', 'accessibility'), ('Product Design', 'product design'),
  ('Team Rituals', 'team rituals'), ('Side Projects', 'side projects'),
  ('Film Photography', 'film photography'), ('Urban Gardening', 'urban gardening'),
  ('Board Games', 'board games'), ('Language Learning', 'language learning'),
  ('Meal Prep', 'meal prep'), ('Zero-Downtime Deploys', 'zero-downtime deploys'),
  ('Feature Flags', 'feature flags'), ('Write-Ahead Logging', 'write-ahead logging'),
  ('Full-Text Search', 'full-text search'), ('Offline-First Apps', 'offline-first apps'),
  ('Pair Programming', 'pair programming'), ('Burnout', 'burnout'), ('Deep Work', 'deep work'),
  ('Home Networking', 'home networking'), ('Vinyl Records', 'vinyl records'),
  ('Bouldering', 'bouldering'), ('Fermentation', 'fermentation'), ('Solo Travel', 'solo travel'),
  ('Time Zones', 'time zones'), ('Unicode', 'Unicode'), ('Query Planning', 'query planning')
);

CREATE TEMP TABLE tmp_title (i INTEGER PRIMARY KEY, s TEXT NOT NULL);
INSERT INTO tmp_title (s)
SELECT column1 FROM (VALUES
  ('{N} Things I Wish I Knew About {T}'), ('A Beginner''s Guide to {T}'),
  ('Why {T} Matters More Than You Think'), ('{T} vs {U}: An Honest Comparison'),
  ('How We Cut Costs by {P}% with {T}'), ('Lessons Learned from a Year of {T}'),
  ('The Hidden Costs of {T}'), ('Getting Started with {T} in 2026'),
  ('{T}: Myths and Realities'), ('Scaling {T} Without Losing Your Mind'),
  ('What Nobody Tells You About {T}'), ('{N} Common {T} Mistakes (and How to Avoid Them)'),
  ('My {T} Setup, Explained'), ('Is {T} Worth It?'),
  ('Understanding {T} from First Principles'), ('{N} {T} Tips for Busy People'),
  ('From Zero to Production with {T}'), ('A Practical Checklist for {T}'),
  ('Notes on {T} and {U}'), ('Rethinking {T}'), ('The Case Against {T}'),
  ('{N} Tools That Changed How I Think About {T}'), ('Debugging {T}: A Field Guide'),
  ('A Weekend with {T}'), ('How {T} Quietly Took Over'), ('What {U} Taught Me About {T}'),
  ('{T} for the Rest of Us'), ('The State of {T}, Late 2026')
);

CREATE TEMP TABLE tmp_sentence (i INTEGER PRIMARY KEY, s TEXT NOT NULL);
INSERT INTO tmp_sentence (s)
SELECT column1 FROM (VALUES
  ('When I first started looking into {t}, I assumed it would take a weekend to get comfortable.'),
  ('It turns out the hard part is not the technology but the habits around it.'),
  ('Most guides about {t} skip the boring parts, which is exactly where the real problems live.'),
  ('We measured everything before changing anything, and the numbers surprised us.'),
  ('The first version was embarrassingly simple, and that was the right call.'),
  ('If you only remember one thing from this post, make it this: start small and iterate.'),
  ('Comparing {t} with {u} is tempting, but they solve different problems.'),
  ('A surprising amount of complexity disappears once you write down what you actually need.'),
  ('Our team spent two sprints on this, and we would do it again.'),
  ('There is a trade-off here that is easy to miss.'),
  ('In practice, the defaults are good enough for about ninety percent of use cases.'),
  ('The remaining ten percent is where things get interesting.'),
  ('I asked a few friends who deal with {t} every day, and their answers were remarkably consistent.'),
  ('Nothing about this is new, but it is worth repeating.'),
  ('The documentation is decent, although some examples are out of date.'),
  ('Latency dropped noticeably after the change, and nobody had to touch the client code.'),
  ('Be careful with edge cases around time zones and daylight saving time.'),
  ('We kept a small log of every mistake we made along the way.'),
  ('Looking back, the biggest win came from deleting things rather than adding them.'),
  ('Here is the setup I ended up with after several false starts.'),
  ('Your mileage may vary, especially if your situation is very different from ours.'),
  ('Some readers asked how {t} fits together with {u}; the short answer is: better than expected.'),
  ('The learning curve is real, but it flattens out quickly.'),
  ('Good tooling makes a huge difference, so invest in it early.'),
  ('We also ran a small survey among our readers, and the feedback was mostly positive.'),
  ('None of this requires expensive equipment or a big budget.'),
  ('The community around {t} is friendly and surprisingly active.'),
  ('Of course, there are situations where this approach is the wrong choice.'),
  ('I will cover the details in a follow-up post.'),
  ('Let me know in the comments if you have tried something similar.'),
  ('Think of it as a checklist rather than a rulebook.'),
  ('Every extra moving part is something you will have to debug at 3 a.m.'),
  ('We tried it a hundred times, threw away the outliers and looked at the median.'),
  ('The results were consistent, which gave us confidence.'),
  ('Notes, tests and a bit of monitoring matter more than the choice of tools.'),
  ('Simplicity is a feature, even when it does not look impressive in a demo.'),
  ('After six months, I still reach for {t} first.'),
  ('The migration took longer than planned, mostly because of cleanup work.'),
  ('Small, boring improvements compound over time.'),
  ('If this sounds familiar, you are not alone.'),
  ('Honestly, {t} is more fun than I expected.'),
  ('A colleague summed it up nicely: "make it work, make it right, then make it fast".'),
  ('I underestimated how much {u} would influence the way I approach {t}.'),
  ('There are no silver bullets here, only sensible defaults.')
);

CREATE TEMP TABLE tmp_heading (i INTEGER PRIMARY KEY, s TEXT NOT NULL);
INSERT INTO tmp_heading (s)
SELECT column1 FROM (VALUES
  ('## Background'), ('## What we tried'), ('## Results'), ('## Lessons learned'),
  ('## Trade-offs'), ('## Getting started'), ('## Final thoughts'), ('## A quick example')
);

CREATE TEMP TABLE tmp_comment (i INTEGER PRIMARY KEY, s TEXT NOT NULL);
INSERT INTO tmp_comment (s)
SELECT column1 FROM (VALUES
  ('Great write-up!'), ('This is exactly what I needed; thanks for sharing.'),
  ('Has anyone tried this with a larger dataset?'),
  ('I disagree with the point about caching. In my experience it depends heavily on the workload.'),
  ('Bookmarked 🔖'), ('👍'), ('Merci, très utile !'), ('Danke für den Artikel!'),
  ('Typo in the third paragraph: "teh" should be "the".'), ('Saved me hours, thank you.'),
  ('Could you share the full config?'), ('We ran into the same issue last month.'),
  ('Nice, but what about Windows?'), ('This aged well.'),
  ('I would love a follow-up on the trade-offs.'), ('Clear and to the point. More of this please.'),
  ('Interesting take. Not sure I agree, but interesting.'), ('Sharing this with my team.'),
  ('The second example does not work for me; am I missing something?'),
  ('Thanks! Fixed my problem.'), ('How does this compare to what you wrote last year?'),
  ('🔥🔥🔥'), ('Came here from the newsletter, glad I did.'), ('+1 on the checklist idea.'),
  ('I tried this over the weekend and it just worked.'), ('Any plans to open-source the code?'),
  ('What a rabbit hole. I spent the whole evening reading about this.'),
  ('Small nitpick: the numbers in the table do not add up.'),
  ('¡Muy buen artículo!'), ('Very helpful for beginners like me 🙏'),
  ('Counterpoint: sometimes the boring solution is boring for a reason.'),
  ('Love the illustrations.'), ('Is there an RSS feed?'), ('Subscribed.'),
  ('This deserves more attention.'), ('I keep coming back to this post.'),
  ('My experience was the opposite, but I appreciate the detailed write-up.'),
  ('Great timing, we are evaluating this right now.'), ('TIL. Thanks!'), ('Well said.')
);

CREATE TEMP TABLE tmp_todo (i INTEGER PRIMARY KEY, s TEXT NOT NULL);
INSERT INTO tmp_todo (s)
SELECT column1 FROM (VALUES
  ('Buy groceries'), ('Book dentist appointment'), ('Renew passport'), ('Water the plants'),
  ('Call mom'), ('Pay electricity bill'), ('Prepare slides for Monday standup'),
  ('Back up laptop'), ('Update README'), ('Write blog post draft'), ('Clean up Downloads folder'),
  ('Cancel unused subscriptions'), ('Plan weekend trip'), ('Return library books'),
  ('Order new running shoes'), ('Fix squeaky door'), ('Schedule 1:1 with Priya'),
  ('Rotate API keys'), ('Migrate staging database'), ('Try the new ramen place'),
  ('Read "Designing Data-Intensive Applications" ch. 5'), ('Send invoice to client'),
  ('Submit expense report'), ('Reply to recruiter email'), ('Archive old Slack channels'),
  ('Set up CI for the demo project'), ('Benchmark WAL vs rollback journal'),
  ('Learn 20 new Japanese words 🇯🇵'), ('Pick up dry cleaning'), ('Buy birthday gift for Sam 🎁')
);

CREATE TEMP TABLE tmp_todo_verb (i INTEGER PRIMARY KEY, s TEXT NOT NULL);
INSERT INTO tmp_todo_verb (s)
SELECT column1 FROM (VALUES
  ('Write'), ('Update'), ('Fix'), ('Review'), ('Document'), ('Refactor'), ('Test'), ('Draft'),
  ('Clean up'), ('Finish')
);

CREATE TEMP TABLE tmp_todo_obj (i INTEGER PRIMARY KEY, s TEXT NOT NULL);
INSERT INTO tmp_todo_obj (s)
SELECT column1 FROM (VALUES
  ('the onboarding docs'), ('Q4 roadmap'), ('flaky CI job'), ('migration script'),
  ('release notes'), ('dashboard query'), ('backup job'), ('pricing page copy'),
  ('error messages'), ('todo sync logic'), ('invoice template'), ('test fixtures')
);

-- ---------------------------------------------------------------------
-- users (~5,000)
-- ---------------------------------------------------------------------

CREATE TEMP TABLE tmp_gen_users AS
SELECT
  n AS k,
  1 + abs(random()) % (SELECT count(*) FROM tmp_first) AS fi,
  1 + abs(random()) % (SELECT count(*) FROM tmp_last) AS li,
  abs(random()) AS r1,
  abs(random()) AS r2,
  abs(random()) AS r3,
  abs(random()) AS r4,
  -- created in [now - 120 days, now - 2 hours)
  1795132800000 - 10368000000 + abs(random()) % (10368000000 - 7200000) AS created_at
FROM tmp_seq
WHERE n <= 5000;

INSERT INTO users (id, name, email, avatar_url, bio, role, created_at, updated_at)
WITH base AS (
  SELECT g.*, f.name AS fname, l.name AS lname, f.ascii AS fa, l.ascii AS la,
         row_number() OVER (ORDER BY g.created_at, g.k) AS seq
  FROM tmp_gen_users g
  JOIN tmp_first f ON f.i = g.fi
  JOIN tmp_last l ON l.i = g.li
), roled AS (
  SELECT *,
         CASE WHEN seq <= 3 OR r1 % 1000 < 2 THEN 'admin'
              WHEN r1 % 100 < 8 THEN 'guest'
              ELSE 'user' END AS role
  FROM base
), mailed AS (
  SELECT *,
         CASE r2 % 6
           WHEN 0 THEN fa || '.' || la
           WHEN 1 THEN fa || la
           WHEN 2 THEN substr(fa, 1, 1) || la
           WHEN 3 THEN fa || '_' || la
           WHEN 4 THEN fa || '.' || substr(la, 1, 1)
           ELSE la || '.' || fa
         END AS local,
         CASE WHEN role = 'admin' THEN 'dosql.dev'
              ELSE (SELECT d FROM tmp_domain WHERE i = 1 + r3 % (SELECT count(*) FROM tmp_domain))
         END AS domain
  FROM roled
), numbered AS (
  SELECT *, row_number() OVER (PARTITION BY local, domain ORDER BY seq) AS dup
  FROM mailed
)
SELECT
  printf('usr_%06d', seq),
  fname || ' ' || lname,
  local || CASE WHEN dup > 1 THEN dup ELSE '' END || '@' || domain,
  CASE r4 % 10
    WHEN 0 THEN NULL WHEN 1 THEN NULL WHEN 2 THEN NULL WHEN 3 THEN NULL
    WHEN 4 THEN 'https://www.gravatar.com/avatar/' || lower(hex(randomblob(16))) || '?s=200&d=identicon'
    ELSE 'https://cdn.dosql.dev/avatars/' || printf('usr_%06d', seq) || '.jpg'
  END,
  CASE (r4 / 10) % 10
    WHEN 0 THEN NULL WHEN 1 THEN NULL WHEN 2 THEN NULL WHEN 3 THEN NULL
    WHEN 4 THEN ''
    ELSE (SELECT s FROM tmp_bio_a WHERE i = 1 + (r2 / 7) % (SELECT count(*) FROM tmp_bio_a)) || '.'
         || CASE (r4 / 100) % 3
              WHEN 0 THEN ''
              WHEN 1 THEN ' ' || (SELECT s FROM tmp_bio_b WHERE i = 1 + (r3 / 7) % (SELECT count(*) FROM tmp_bio_b))
              ELSE ' ' || (SELECT s FROM tmp_bio_b WHERE i = 1 + (r3 / 7) % (SELECT count(*) FROM tmp_bio_b))
                || ' ' || (SELECT s FROM tmp_bio_b WHERE i = 1 + (7 + (r3 / 7) % (SELECT count(*) FROM tmp_bio_b)) % (SELECT count(*) FROM tmp_bio_b))
            END
  END,
  role,
  created_at,
  CASE WHEN (r4 / 1000) % 100 < 55 THEN created_at
       ELSE created_at + (r1 / 1000) % (1795132800000 - created_at) END
FROM numbered
ORDER BY seq;

-- users by creation order, for cheap random picks
CREATE TEMP TABLE tmp_users (n INTEGER PRIMARY KEY, id TEXT NOT NULL, created_at INTEGER NOT NULL, role TEXT NOT NULL);
INSERT INTO tmp_users (n, id, created_at, role)
SELECT row_number() OVER (ORDER BY id), id, created_at, role FROM users;

-- ---------------------------------------------------------------------
-- sessions (~20,000)
-- ---------------------------------------------------------------------

INSERT INTO sessions (id, user_id, user_agent, ip, created_at, last_active)
WITH g AS MATERIALIZED (
  SELECT n,
         -- min() of two uniform picks: long-standing users are more active
         1 + min(abs(random()) % 5000, abs(random()) % 5000) AS ui,
         abs(random()) AS r1, abs(random()) AS r2, abs(random()) AS r3
  FROM tmp_seq WHERE n <= 20000
), s AS (
  SELECT u.id AS user_id, g.r2, g.r3,
         u.created_at + g.r1 % (1795132800000 - u.created_at) AS created_at
  FROM g JOIN tmp_users u ON u.n = g.ui
)
SELECT
  printf('ses_%06d', row_number() OVER (ORDER BY created_at)),
  user_id,
  CASE WHEN r2 % 25 = 0 THEN NULL
       ELSE (SELECT ua FROM tmp_ua WHERE i = 1 + (r2 / 25) % (SELECT count(*) FROM tmp_ua)) END,
  CASE WHEN r3 % 40 = 0 THEN NULL
       WHEN r3 % 40 < 5 THEN printf('2001:db8:%x:%x::%x', (r3 / 40) % 65536, (r3 / 3000000) % 65536, (r3 / 7) % 65536)
       ELSE printf('%d.%d.%d.%d', 1 + (r3 / 40) % 223, (r3 / 9000) % 256, (r3 / 3000000) % 256, 1 + (r3 / 800000000) % 254)
  END,
  created_at,
  -- active for up to 14 days after sign-in (never after "now")
  created_at + (r2 / 1000) % min(1795132800000 - created_at, 1209600000) + 1
FROM s
ORDER BY created_at;

-- ---------------------------------------------------------------------
-- products (500): a few hand-written ones + generated catalogue
-- ---------------------------------------------------------------------

INSERT INTO products (id, name, description, price, stock, category, image, created_at) VALUES
('prd_000001', 'Café crème mug',
 'Our signature stoneware mug, glazed in a warm café crème tone.

Each mug is thrown by hand in a small studio outside Lyon, which means no two are exactly alike: the rim may be a touch thicker here, the glaze may pool a little differently there. We think that is the point.

Details:
- Capacity: 350 ml (12 oz)
- Material: high-fired stoneware, lead-free glaze
- Dishwasher and microwave safe
- Height 9.5 cm, diameter 8.5 cm

Care: although the glaze is tough, hand washing keeps the surface glossy for longer. Avoid sudden temperature changes, e.g. pouring boiling water into a mug straight from the freezer.

Shipping: packed in recycled cardboard with paper padding; no plastic. Ships within 2 business days.',
 18.99, 142, 'Kitchen', CAST(x'89504E470D0A1A0A0000000D49484452' || randomblob(32) AS BLOB), 1795132800000 - 129 * 86400000),
('prd_000002', 'Tōkyō tote', 'Heavy canvas tote bag with a screen-printed Tōkyō skyline. Inner pocket, reinforced handles.',
 24.00, 87, 'Apparel', CAST(x'89504E470D0A1A0A0000000D49484452' || randomblob(24) AS BLOB), 1795132800000 - 128 * 86400000),
('prd_000003', '☕ Espresso Starter Kit',
 'Everything you need to pull your first great shot at home ☕

What is in the box:
1. Stainless steel tamper (58 mm)
2. Knock box with silicone bar
3. Milk jug, 350 ml, with latte-art spout
4. Two double-walled espresso glasses
5. A printed recipe card with our house ratios (1:2 in 25–30 s)

Why we made it: most espresso machines ship with a flimsy plastic tamper and little else. This kit fills the gaps without upselling you on gadgets you will not use. Every item was tested daily in our own café for three months; the tamper survived being dropped on a tiled floor more than once.

Not included: coffee beans, an espresso machine, or patience (sold separately).',
 64.50, 35, 'Kitchen', CAST(x'FFD8FFE000104A464946' || randomblob(40) AS BLOB), 1795132800000 - 127 * 86400000),
('prd_000004', 'Crème brûlée torch', 'Refillable butane kitchen torch with adjustable flame and safety lock.',
 29.99, 51, 'Kitchen', NULL, 1795132800000 - 126 * 86400000),
('prd_000005', 'Smørrebrød serving board', 'Oiled oak serving board, 45 × 20 cm. Made in Denmark.',
 42.00, 23, 'Kitchen', CAST(x'89504E470D0A1A0A0000000D49484452' || randomblob(16) AS BLOB), 1795132800000 - 126 * 86400000),
('prd_000006', 'Zürich desk clock', 'Minimal Swiss-style desk clock with a silent sweep movement.',
 55.00, 12, 'Home', NULL, 1795132800000 - 125 * 86400000),
('prd_000007', 'Ελιά olive oil dispenser', 'Glass and olive wood oil dispenser, 500 ml. Drip-free spout.',
 21.50, 64, 'Kitchen', CAST(x'FFD8FFE000104A464946' || randomblob(20) AS BLOB), 1795132800000 - 124 * 86400000),
('prd_000008', '北斗 dot-grid notebook', 'A5 dot-grid notebook, 160 pages of 100 gsm paper; lies flat.',
 15.99, 310, 'Office', NULL, 1795132800000 - 124 * 86400000),
('prd_000009', 'Niño soft blanket', 'Extra-soft organic cotton baby blanket, 80 × 100 cm.',
 34.99, 0, 'Home', NULL, 1795132800000 - 123 * 86400000),
('prd_000010', 'São Paulo street poster', 'Risograph print, A3, signed by the artist. Frame not included.',
 27.00, 9, 'Home', CAST(x'89504E470D0A1A0A0000000D49484452' || randomblob(48) AS BLOB), 1795132800000 - 122 * 86400000),
('prd_000011', 'Kraków wool scarf 🧣', 'Chunky lambswool scarf, 180 cm, with fringed ends.',
 39.00, 44, 'Apparel', NULL, 1795132800000 - 121 * 86400000),
('prd_000012', 'Mechanical keyboard "Ωmega" (ISO-DE)',
 'Hot-swappable 75% mechanical keyboard with a gasket-mounted aluminium case.

Layout: ISO-DE (Ä, Ö, Ü and ß keys included). Switches: pre-lubed linear, 45 g actuation. Keycaps: double-shot PBT in a "Ωmega" colourway (charcoal / cream / a single orange Esc).

Connectivity: USB-C (cable included), Bluetooth 5.1 for up to three devices, and a 2.4 GHz dongle stored in a magnetic slot under the case. Battery: 4000 mAh, roughly four weeks with the backlight off.

Software: fully programmable via VIA; no account, no cloud, no telemetry. Firmware is open source.

In the box: keyboard, braided cable, keycap and switch puller, two spare switches, a short printed manual in English, German and French.',
 149.00, 17, 'Electronics', CAST(x'89504E470D0A1A0A0000000D49484452' || randomblob(32) AS BLOB), 1795132800000 - 120 * 86400000);

INSERT INTO products (id, name, description, price, stock, category, image, created_at)
WITH g AS MATERIALIZED (
  SELECT n,
         1 + n % (SELECT count(*) FROM tmp_noun) AS ni,
         abs(random()) AS r1, abs(random()) AS r2, abs(random()) AS r3
  FROM tmp_seq WHERE n BETWEEN 13 AND 500
), p AS (
  SELECT g.*, w.noun, w.category, w.base,
         (SELECT w FROM tmp_adj WHERE i = 1 + r1 % (SELECT count(*) FROM tmp_adj)) AS adj,
         (SELECT w FROM tmp_color WHERE i = 1 + (r1 / 100) % (SELECT count(*) FROM tmp_color)) AS color
  FROM g JOIN tmp_noun w ON w.i = g.ni
)
SELECT
  printf('prd_%06d', n),
  adj || ' ' || CASE WHEN r2 % 2 = 0 THEN color || ' ' ELSE '' END || noun,
  CASE
    WHEN r2 % 100 < 14 THEN NULL
    WHEN r2 % 100 < 24 THEN
      replace(replace(replace(
        (SELECT s FROM tmp_pdesc_a WHERE i = 1 + (r2 / 100) % (SELECT count(*) FROM tmp_pdesc_a)),
        '{adj}', lower(adj)), '{noun}', lower(noun)), '{color}', lower(color))
      || char(10) || char(10) || 'Features:' || char(10)
      || '- ' || (SELECT s FROM tmp_pdesc_b WHERE i = 1 + (r3 / 10) % (SELECT count(*) FROM tmp_pdesc_b)) || char(10)
      || '- ' || (SELECT s FROM tmp_pdesc_b WHERE i = 1 + (1 + (r3 / 10) % (SELECT count(*) FROM tmp_pdesc_b)) % (SELECT count(*) FROM tmp_pdesc_b)) || char(10)
      || '- Colour: ' || color
    ELSE
      replace(replace(replace(
        (SELECT s FROM tmp_pdesc_a WHERE i = 1 + (r2 / 100) % (SELECT count(*) FROM tmp_pdesc_a)),
        '{adj}', lower(adj)), '{noun}', lower(noun)), '{color}', lower(color))
      || ' ' || (SELECT s FROM tmp_pdesc_b WHERE i = 1 + (r3 / 10) % (SELECT count(*) FROM tmp_pdesc_b))
  END,
  CAST(base * (80 + r3 % 45) / 100 AS INTEGER)
    + CASE (r3 / 1000) % 4 WHEN 0 THEN 0.0 WHEN 1 THEN 0.49 ELSE 0.99 END,
  CASE WHEN (r3 / 100000) % 12 = 0 THEN 0 ELSE (r3 / 1000000) % 300 END,
  category,
  CASE (r1 / 10000) % 4
    WHEN 0 THEN CAST(x'89504E470D0A1A0A' || randomblob(8 + (r1 / 1000000) % 49) AS BLOB)
    WHEN 1 THEN CAST(x'FFD8FFE0' || randomblob(12 + (r1 / 1000000) % 49) AS BLOB)
    ELSE NULL
  END,
  1795132800000 - 130 * 86400000 + (r1 / 7) % (10 * 86400000)
FROM p
ORDER BY n;

CREATE TEMP TABLE tmp_products (n INTEGER PRIMARY KEY, id TEXT NOT NULL, price REAL NOT NULL);
INSERT INTO tmp_products (n, id, price)
SELECT row_number() OVER (ORDER BY id), id, price FROM products;

-- ---------------------------------------------------------------------
-- orders (30,000) and order_items (~80,000)
-- ---------------------------------------------------------------------

CREATE TEMP TABLE tmp_orders (k INTEGER PRIMARY KEY, user_id TEXT NOT NULL, created_at INTEGER NOT NULL, nitems INTEGER NOT NULL, r INTEGER NOT NULL);
INSERT INTO tmp_orders (user_id, created_at, nitems, r)
WITH g AS MATERIALIZED (
  SELECT n,
         1 + min(abs(random()) % 5000, abs(random()) % 5000) AS ui,
         abs(random()) AS r1, abs(random()) AS r2
  FROM tmp_seq WHERE n <= 30000
), o AS (
  SELECT u.id AS user_id,
         u.created_at + g.r1 % (1795132800000 - u.created_at) AS created_at,
         CASE WHEN g.r2 % 100 < 20 THEN 1 WHEN g.r2 % 100 < 50 THEN 2 WHEN g.r2 % 100 < 75 THEN 3
              WHEN g.r2 % 100 < 90 THEN 4 ELSE 5 END AS nitems,
         g.r2 / 100 AS r
  FROM g JOIN tmp_users u ON u.n = g.ui
)
SELECT user_id, created_at, nitems, r FROM o ORDER BY created_at;

-- one row per (order, product); duplicates within an order are dropped
CREATE TEMP TABLE tmp_items (k INTEGER NOT NULL, product_n INTEGER NOT NULL, quantity INTEGER NOT NULL, unit_price REAL NOT NULL, PRIMARY KEY (k, product_n)) WITHOUT ROWID;
INSERT OR IGNORE INTO tmp_items (k, product_n, quantity, unit_price)
WITH slots(j) AS (VALUES (1), (2), (3), (4), (5)),
g AS MATERIALIZED (
  SELECT o.k,
         -- half uniform, half skewed (product of two uniforms), then scattered
         -- over the catalogue so that best sellers are not all adjacent
         1 + (CASE WHEN abs(random()) % 2 = 0 THEN abs(random()) % 500
                   ELSE (abs(random()) % 500) * (abs(random()) % 500) / 500 END * 7919) % 500 AS pn,
         abs(random()) AS r
  FROM tmp_orders o JOIN slots s ON s.j <= o.nitems
)
SELECT g.k, g.pn,
       CASE WHEN g.r % 100 < 72 THEN 1 WHEN g.r % 100 < 90 THEN 2 WHEN g.r % 100 < 96 THEN 3
            ELSE 4 + (g.r / 100) % 3 END,
       CASE WHEN (g.r / 1000) % 10 = 0 THEN round(p.price * 0.85, 2) ELSE p.price END
FROM g JOIN tmp_products p ON p.n = g.pn;

INSERT INTO orders (id, user_id, status, total, created_at)
SELECT
  printf('ord_%06d', o.k),
  o.user_id,
  CASE
    WHEN o.r % 100 < 4 THEN 'cancelled'
    WHEN 1795132800000 - o.created_at < 21600000 THEN          -- < 6 hours
      CASE WHEN (o.r / 100) % 3 = 0 THEN 'paid' ELSE 'pending' END
    WHEN 1795132800000 - o.created_at < 2 * 86400000 THEN
      CASE (o.r / 100) % 5 WHEN 0 THEN 'pending' WHEN 1 THEN 'shipped' WHEN 2 THEN 'shipped' ELSE 'paid' END
    WHEN 1795132800000 - o.created_at < 6 * 86400000 THEN
      CASE (o.r / 100) % 3 WHEN 0 THEN 'delivered' ELSE 'shipped' END
    WHEN 1795132800000 - o.created_at < 10 * 86400000 THEN
      CASE (o.r / 100) % 5 WHEN 0 THEN 'shipped' ELSE 'delivered' END
    ELSE 'delivered'
  END,
  (SELECT round(sum(i.quantity * i.unit_price), 2) FROM tmp_items i WHERE i.k = o.k),
  o.created_at
FROM tmp_orders o
ORDER BY o.k;

INSERT INTO order_items (order_id, product_id, quantity, unit_price)
SELECT printf('ord_%06d', i.k), p.id, i.quantity, i.unit_price
FROM tmp_items i JOIN tmp_products p ON p.n = i.product_n
ORDER BY i.k, i.product_n;

-- ---------------------------------------------------------------------
-- posts (3,000)
-- ---------------------------------------------------------------------

-- roughly a third of the non-guest users write posts
CREATE TEMP TABLE tmp_writers (i INTEGER PRIMARY KEY, id TEXT NOT NULL, created_at INTEGER NOT NULL);
INSERT INTO tmp_writers (id, created_at)
SELECT id, created_at FROM tmp_users WHERE role <> 'guest' AND abs(random()) % 3 = 0 ORDER BY n;

CREATE TEMP TABLE tmp_gen_posts AS
WITH g AS MATERIALIZED (
  SELECT n,
         1 + min(abs(random()) % (SELECT count(*) FROM tmp_writers),
                 abs(random()) % (SELECT count(*) FROM tmp_writers)) AS wi,
         abs(random()) % (SELECT count(*) FROM tmp_topic) AS t0,
         abs(random()) AS r1, abs(random()) AS r2, abs(random()) AS r3, abs(random()) AS r4
  FROM tmp_seq WHERE n <= 3000
)
SELECT g.n AS k, w.id AS author_id,
       1 + g.t0 AS ti,
       -- a different second topic
       1 + (g.t0 + 1 + g.r4 % ((SELECT count(*) FROM tmp_topic) - 1)) % (SELECT count(*) FROM tmp_topic) AS ui,
       g.r1, g.r2, g.r3, g.r4,
       w.created_at + g.r1 % (1795132800000 - w.created_at) AS created_at
FROM g JOIN tmp_writers w ON w.i = g.wi;

CREATE TEMP TABLE tmp_post_body (k INTEGER PRIMARY KEY, content TEXT NOT NULL);
INSERT INTO tmp_post_body (k, content)
WITH slots AS MATERIALIZED (
  -- one row per sentence slot; the random sentence pick is stored here
  SELECT p.k, s.n AS j, p.r2, p.ti, p.ui,
         CASE WHEN (s.n = 5 AND p.r2 % 3 = 0) OR (s.n = 9 AND p.r2 % 5 = 0) THEN NULL
              ELSE 1 + abs(random()) % (SELECT count(*) FROM tmp_sentence) END AS si
  FROM tmp_gen_posts p
  JOIN tmp_seq s ON s.n <= 6 + p.r3 % 14
), picked AS (
  -- a sentence is used at most once per post
  SELECT *, row_number() OVER (PARTITION BY k, si ORDER BY j) AS rep FROM slots
), lines AS (
  SELECT sl.k, sl.j,
         CASE
           WHEN sl.j = 5 AND sl.r2 % 3 = 0 THEN
             (SELECT h.s FROM tmp_heading h WHERE h.i = 1 + (sl.r2 / 3) % (SELECT count(*) FROM tmp_heading))
             || char(10) || char(10)
           WHEN sl.j = 9 AND sl.r2 % 5 = 0 THEN
             '```sql' || char(10) || 'SELECT p.title, COUNT(c.id) AS comments' || char(10)
             || 'FROM posts p LEFT JOIN comments c ON c.post_id = p.id' || char(10)
             || 'GROUP BY p.id ORDER BY comments DESC LIMIT 10;' || char(10) || '```' || char(10) || char(10)
           ELSE
             replace(replace(st.s, '{t}', t.s), '{u}', u.s)
             || CASE WHEN sl.j % 4 = 0 THEN char(10) || char(10) ELSE ' ' END
         END AS line
  FROM picked sl
  LEFT JOIN tmp_sentence st ON st.i = sl.si
  JOIN tmp_topic t ON t.i = sl.ti
  JOIN tmp_topic u ON u.i = sl.ui
  WHERE sl.si IS NULL OR sl.rep = 1
  ORDER BY sl.k, sl.j
)
SELECT k, rtrim(group_concat(line, ''), ' ' || char(10)) FROM lines GROUP BY k;

INSERT INTO posts (id, author_id, title, slug, content, excerpt, published, published_at, created_at, updated_at)
WITH titled AS (
  SELECT p.*,
         replace(replace(replace(replace(tt.s, '{T}', t.t), '{U}', u.t),
                 '{N}', 3 + p.r2 % 10), '{P}', 10 + (p.r2 / 10) % 70) AS title,
         CASE WHEN p.r4 % 100 < 82 THEN 1 ELSE 0 END AS published
  FROM tmp_gen_posts p
  JOIN tmp_title tt ON tt.i = 1 + (p.r1 / 3) % (SELECT count(*) FROM tmp_title)
  JOIN tmp_topic t ON t.i = p.ti
  JOIN tmp_topic u ON u.i = p.ui
), slugged AS (
  SELECT *,
         replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(title),
           ':', ''), '?', ''), '''', ''), ',', ''), '(', ''), ')', ''), '%', ''), '.', ''), ' ', '-') AS base_slug,
         CASE WHEN published = 1
              THEN created_at + (r3 / 100) % min(1795132800000 - created_at, 3 * 86400000)
         END AS published_at
  FROM titled
), numbered AS (
  SELECT *,
         row_number() OVER (PARTITION BY base_slug ORDER BY created_at, k) AS dup,
         row_number() OVER (ORDER BY created_at, k) AS seq
  FROM slugged
)
SELECT
  printf('pst_%06d', seq),
  author_id,
  title,
  base_slug || CASE WHEN dup > 1 THEN '-' || dup ELSE '' END,
  b.content,
  CASE WHEN (r4 / 100) % 5 = 0 THEN NULL
       ELSE substr(b.content, 1, instr(b.content, '. ')) END,
  published,
  published_at,
  created_at,
  CASE WHEN (r4 / 1000) % 10 < 6 THEN coalesce(published_at, created_at)
       ELSE coalesce(published_at, created_at)
            + (r4 / 10000) % (1795132800000 - coalesce(published_at, created_at) + 1) END
FROM numbered JOIN tmp_post_body b ON b.k = numbered.k
ORDER BY seq;

-- published posts, for comments and likes
CREATE TEMP TABLE tmp_pub (i INTEGER PRIMARY KEY, id TEXT NOT NULL, published_at INTEGER NOT NULL);
INSERT INTO tmp_pub (id, published_at)
SELECT id, published_at FROM posts WHERE published = 1 ORDER BY id;

-- ---------------------------------------------------------------------
-- comments (15,000)
-- ---------------------------------------------------------------------

INSERT INTO comments (id, post_id, author_id, content, created_at)
WITH g AS MATERIALIZED (
  SELECT n,
         -- popular posts get most of the comments
         1 + ((abs(random()) % (SELECT count(*) FROM tmp_pub)) * (abs(random()) % (SELECT count(*) FROM tmp_pub))
              / (SELECT count(*) FROM tmp_pub) * 7919) % (SELECT count(*) FROM tmp_pub) AS pi,
         1 + min(abs(random()) % 5000, abs(random()) % 5000) AS ui,
         abs(random()) AS r1, abs(random()) AS r2
  FROM tmp_seq WHERE n <= 15000
), c AS (
  SELECT p.id AS post_id, u.id AS author_id, g.r2,
         1 + g.r2 % (SELECT count(*) FROM tmp_comment) AS c1,
         -- a second phrase, always different from the first
         1 + (g.r2 % (SELECT count(*) FROM tmp_comment) + 1 + (g.r2 / 1000) % ((SELECT count(*) FROM tmp_comment) - 1))
             % (SELECT count(*) FROM tmp_comment) AS c2,
         max(p.published_at, u.created_at)
           + g.r1 % (1795132800000 - max(p.published_at, u.created_at) + 1) AS created_at
  FROM g
  JOIN tmp_pub p ON p.i = g.pi
  JOIN tmp_users u ON u.n = g.ui
)
SELECT
  printf('cmt_%06d', row_number() OVER (ORDER BY created_at)),
  post_id,
  author_id,
  (SELECT s FROM tmp_comment WHERE i = c1)
  || CASE (r2 / 100) % 10
       WHEN 0 THEN ' ' || (SELECT s FROM tmp_comment WHERE i = c2)
       WHEN 1 THEN ' ' || (SELECT s FROM tmp_comment WHERE i = c2)
       WHEN 2 THEN char(10) || char(10) || 'Edit: ' || (SELECT s FROM tmp_comment WHERE i = c2)
       ELSE ''
     END,
  created_at
FROM c
ORDER BY created_at;

-- ---------------------------------------------------------------------
-- likes (~20,000 unique (post, user) pairs)
-- ---------------------------------------------------------------------

INSERT OR IGNORE INTO likes (post_id, user_id, created_at)
WITH g AS MATERIALIZED (
  SELECT n,
         1 + ((abs(random()) % (SELECT count(*) FROM tmp_pub)) * (abs(random()) % (SELECT count(*) FROM tmp_pub))
              / (SELECT count(*) FROM tmp_pub) * 7919) % (SELECT count(*) FROM tmp_pub) AS pi,
         1 + abs(random()) % 5000 AS ui,
         abs(random()) AS r1
  FROM tmp_seq WHERE n <= 20020
)
SELECT p.id, u.id,
       max(p.published_at, u.created_at) + g.r1 % (1795132800000 - max(p.published_at, u.created_at) + 1)
FROM g
JOIN tmp_pub p ON p.i = g.pi
JOIN tmp_users u ON u.n = g.ui;

-- ---------------------------------------------------------------------
-- todos (200), ids are UUID v4 like crypto.randomUUID() in the guide
-- ---------------------------------------------------------------------

-- pool of distinct titles: fixed list + verb/object combos + PR reviews
CREATE TEMP TABLE tmp_todo_pool (i INTEGER PRIMARY KEY, s TEXT NOT NULL);
INSERT INTO tmp_todo_pool (s)
SELECT s FROM (
  SELECT s FROM tmp_todo
  UNION ALL
  SELECT v.s || ' ' || o.s FROM tmp_todo_verb v, tmp_todo_obj o
  UNION ALL
  SELECT 'Review PR #' || (100 + n * 13) FROM tmp_seq WHERE n <= 60
)
ORDER BY random()
LIMIT 200;

INSERT INTO todos (id, title, completed, position, created_at, updated_at)
WITH g AS MATERIALIZED (
  SELECT p.i AS n, p.s AS title, abs(random()) AS r2, lower(hex(randomblob(16))) AS h,
         -- created in the last 45 days
         1795132800000 - 45 * 86400000 + abs(random()) % (45 * 86400000) AS created_at
  FROM tmp_todo_pool p
)
SELECT
  substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-'
    || substr('89ab', 1 + r2 % 4, 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12),
  title,
  CASE WHEN r2 % 100 < 40 THEN 1 ELSE 0 END,
  row_number() OVER (ORDER BY (r2 / 100) % 1000, n) - 1,
  created_at,
  CASE WHEN r2 % 100 < 40 OR (r2 / 1000) % 3 = 0
       THEN created_at + (r2 / 10) % (1795132800000 - created_at)
       ELSE created_at END
FROM g
ORDER BY created_at;

-- ---------------------------------------------------------------------
-- Indexes (created after the bulk load, which is faster)
-- ---------------------------------------------------------------------

CREATE INDEX idx_users_created_at ON users(created_at);
CREATE INDEX idx_sessions_user_id ON sessions(user_id);
CREATE INDEX idx_sessions_last_active ON sessions(last_active);
CREATE INDEX idx_products_category ON products(category);
CREATE INDEX idx_orders_user_id ON orders(user_id);
CREATE INDEX idx_orders_created_at ON orders(created_at);
CREATE INDEX idx_order_items_order_id ON order_items(order_id);
CREATE INDEX idx_order_items_product_id ON order_items(product_id);
CREATE INDEX idx_posts_author_id ON posts(author_id);
CREATE INDEX idx_posts_published_at ON posts(published_at);
CREATE INDEX idx_comments_post_id ON comments(post_id);
CREATE INDEX idx_comments_author_id ON comments(author_id);
CREATE INDEX idx_likes_user_id ON likes(user_id);

-- ---------------------------------------------------------------------
-- Views
-- ---------------------------------------------------------------------

CREATE VIEW recent_orders AS
SELECT o.id, u.name AS user_name, o.total, o.status, o.created_at
FROM orders o
JOIN users u ON u.id = o.user_id
ORDER BY o.created_at DESC
LIMIT 100;

-- like the "Top products" query of the guide's dashboard
CREATE VIEW top_products AS
SELECT p.id, p.name, COUNT(oi.id) AS sales, round(SUM(oi.quantity * oi.unit_price), 2) AS revenue
FROM products p
JOIN order_items oi ON p.id = oi.product_id
GROUP BY p.id, p.name
ORDER BY sales DESC
LIMIT 10;

-- ---------------------------------------------------------------------
-- Trigger: keep todos.updated_at current (milliseconds since epoch)
-- ---------------------------------------------------------------------

CREATE TRIGGER todos_touch AFTER UPDATE OF title, completed ON todos
BEGIN
  UPDATE todos
  SET updated_at = CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER)
  WHERE id = NEW.id;
END;

-- ---------------------------------------------------------------------
-- Clean up helpers
-- ---------------------------------------------------------------------

DROP TABLE tmp_seq;
DROP TABLE tmp_first;
DROP TABLE tmp_last;
DROP TABLE tmp_domain;
DROP TABLE tmp_bio_a;
DROP TABLE tmp_bio_b;
DROP TABLE tmp_ua;
DROP TABLE tmp_noun;
DROP TABLE tmp_adj;
DROP TABLE tmp_color;
DROP TABLE tmp_pdesc_a;
DROP TABLE tmp_pdesc_b;
DROP TABLE tmp_topic;
DROP TABLE tmp_title;
DROP TABLE tmp_sentence;
DROP TABLE tmp_heading;
DROP TABLE tmp_comment;
DROP TABLE tmp_todo;
DROP TABLE tmp_todo_verb;
DROP TABLE tmp_todo_obj;
DROP TABLE tmp_todo_pool;
DROP TABLE tmp_gen_users;
DROP TABLE tmp_users;
DROP TABLE tmp_products;
DROP TABLE tmp_orders;
DROP TABLE tmp_items;
DROP TABLE tmp_writers;
DROP TABLE tmp_gen_posts;
DROP TABLE tmp_post_body;
DROP TABLE tmp_pub;

COMMIT;
