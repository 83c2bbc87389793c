<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActivityIndicator</name>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="25"/>
        <source>Cancel the running request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="60"/>
        <source>No database open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="69"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="72"/>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="75"/>
        <source>Open, read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="75"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="78"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="91"/>
        <source>%1 (+%2 more)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CellViewer</name>
    <message>
        <location filename="../widgets/cellviewer.cpp" line="46"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/cellviewer.cpp" line="47"/>
        <source>Select a cell to see its whole value here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/cellviewer.cpp" line="68"/>
        <source>%1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/cellviewer.cpp" line="100"/>
        <source>
… %1 more not shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoDatabase</name>
    <message>
        <location filename="../core/engine/demodatabase.cpp" line="29"/>
        <source>The demo script is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/demodatabase.cpp" line="53"/>
        <source>Could not move the demo database into place at %1. Check that the folder is writable and the disk has space.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterHeader</name>
    <message>
        <location filename="../widgets/filterheader.cpp" line="27"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/filterheader.cpp" line="29"/>
        <source>Filter this column:
  text   contains text
  =5  &lt;&gt;5  &gt;5  &gt;=5  &lt;5  &lt;=5   compare
  NULL / NOT NULL
  &apos;&apos;     empty text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalConnection</name>
    <message>
        <location filename="../core/engine/localconnection.cpp" line="29"/>
        <source>The database is not open. Open it again and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/localconnection.cpp" line="188"/>
        <source>Reading the schema was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="39"/>
        <location filename="../widgets/mainwindow.cpp" line="252"/>
        <source>DoSQL Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="44"/>
        <source>&lt;h2&gt;DoSQL Studio&lt;/h2&gt;&lt;p&gt;Open a SQLite database with &lt;b&gt;File › Open&lt;/b&gt;, drop a file here, or try &lt;b&gt;File › Open Demo Database&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="57"/>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="102"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="104"/>
        <source>&amp;Open Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="106"/>
        <source>Open Database &amp;Read-Only…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="107"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="109"/>
        <source>Open &amp;Demo Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="112"/>
        <source>&amp;Close Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="115"/>
        <source>Close &amp;Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="118"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="121"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="123"/>
        <source>&amp;Refresh Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="129"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="130"/>
        <source>&amp;About DoSQL Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="132"/>
        <source>About DoSQL Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="133"/>
        <source>&lt;h3&gt;DoSQL Studio %1&lt;/h3&gt;&lt;p&gt;Browse, query and watch DoSQL and SQLite databases.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and SQLite.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="154"/>
        <source>Open Database Read-Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="154"/>
        <source>Open Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="156"/>
        <source>SQLite databases (*.db *.sqlite *.sqlite3 *.db3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="180"/>
        <source>Preparing the demo database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="186"/>
        <source>Demo database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="187"/>
        <source>The demo database could not be built: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="257"/>
        <source>Could not open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="258"/>
        <source>%1

Check that the file is a SQLite database and that you may read it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueryExecutor</name>
    <message>
        <location filename="../core/engine/queryexecutor.cpp" line="56"/>
        <source>Only one statement can run per request; split the script into statements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/queryexecutor.cpp" line="81"/>
        <source>The statement has more parameters than values were given (%1). Supply a value for every parameter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/queryexecutor.cpp" line="96"/>
        <source>No value was given for parameter %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RpcCodec</name>
    <message>
        <location filename="../core/protocol/rpccodec.cpp" line="129"/>
        <source>params.sql must be a non-empty string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/rpccodec.cpp" line="137"/>
        <source>params.params must be an array of values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/rpccodec.cpp" line="145"/>
        <source>params.params[%1] is not a value: use null, a number, a string, a boolean, {&quot;$int&quot;:...} or {&quot;$blob&quot;:...}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/rpccodec.cpp" line="157"/>
        <source>params.namedParams must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/rpccodec.cpp" line="165"/>
        <source>namedParams.%1 is not a value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaBrowser</name>
    <message>
        <location filename="../widgets/schemabrowser.cpp" line="23"/>
        <source>Search tables and columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaRequest</name>
    <message>
        <location filename="../core/dbrequest.cpp" line="62"/>
        <source>Reading schema</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaTreeModel</name>
    <message>
        <location filename="../models/schematreemodel.cpp" line="51"/>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="84"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="137"/>
        <source>Could not read the schema: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="145"/>
        <source>Tables (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="149"/>
        <source>Views (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="163"/>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="166"/>
        <source> — opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="169"/>
        <source> — failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqliteDb</name>
    <message>
        <location filename="../core/engine/sqlitedb.cpp" line="34"/>
        <location filename="../core/engine/sqlitedb.cpp" line="46"/>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/sqlitedb.cpp" line="102"/>
        <source>There is no SQL statement to run.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatementRunner</name>
    <message>
        <location filename="../core/engine/statementrunner.cpp" line="28"/>
        <source>The statement has more parameters than values were given (%1). Supply a value for every parameter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/statementrunner.cpp" line="41"/>
        <source>No value was given for parameter %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/statementrunner.cpp" line="65"/>
        <source>Only one statement can run per request; use batch for several.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableDataModel</name>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="59"/>
        <source>BLOB %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="95"/>
        <source> local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="174"/>
        <source>Primary key (position %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="176"/>
        <source>NOT NULL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="178"/>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="180"/>
        <source>Generated column</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTab</name>
    <message>
        <location filename="../widgets/tabletab.cpp" line="47"/>
        <source>Read the table again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/tabletab.cpp" line="50"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/tabletab.cpp" line="54"/>
        <source>view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/tabletab.cpp" line="54"/>
        <source>table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/tabletab.cpp" line="129"/>
        <source>%1 matching rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/tabletab.cpp" line="130"/>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/tabletab.cpp" line="132"/>
        <source>%1+ rows, counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/tabletab.cpp" line="149"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dosqld</name>
    <message>
        <location filename="../app/dosqld/main.cpp" line="55"/>
        <source>A local DoSQL instance: serves the SQLite files of a folder over the DoSQL contract (HTTP API and RPC over WebSocket) with a persisted change log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="62"/>
        <source>Folder of &lt;name&gt;.db files (default: ./dosql-data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="66"/>
        <source>Address to listen on (default 127.0.0.1; others need a token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="71"/>
        <source>Port (default 8787; 0 picks a free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="75"/>
        <source>Name of the environment variable holding the token (default DOSQL_TOKEN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="80"/>
        <source>Create a database on first use of an unknown name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="84"/>
        <source>Largest request accepted (default 16 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="88"/>
        <source>Change-log entries kept per database (default 1000000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="93"/>
        <source>Change-log entries kept at most this long (default 168).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="98"/>
        <source>Events a change subscriber may lag before BUFFER_OVERFLOW (default 10000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="103"/>
        <source>Create (or reuse) the demo database &quot;demo&quot; in the data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="107"/>
        <source>With --demo: row changes per second of the live workload (default 20; 0 stops it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="23"/>
        <source>Browse, query and watch DoSQL and SQLite databases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="27"/>
        <source>Open the bundled demo database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="30"/>
        <source>Open the given files read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="33"/>
        <source>Open this table once the database is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="37"/>
        <source>SQLite database files to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
