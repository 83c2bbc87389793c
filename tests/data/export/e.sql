INSERT INTO "e copy" ("id", "name", "note", "data", "amount") VALUES (1, 'plain', NULL, NULL, 1.5);
INSERT INTO "e copy" ("id", "name", "note", "data", "amount") VALUES (2, 'comma, "quoted"', '', X'00ff10', -0.25);
INSERT INTO "e copy" ("id", "name", "note", "data", "amount") VALUES (3, 'two
lines', 'Zoë 😀', X'', 1e+100);
INSERT INTO "e copy" ("id", "name", "note", "data", "amount") VALUES (9007199254740993, 'big', 'tab	here', NULL, 0.1);
