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
    <message numerus="yes">
        <location filename="../widgets/cellviewer.cpp" line="68"/>
        <source>%n character(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
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
        <location filename="../core/engine/demodatabase.cpp" line="52"/>
        <source>Could not move the demo database into place at %1. Check that the folder is writable and the disk has space.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterHeader</name>
    <message>
        <location filename="../widgets/filterheader.cpp" line="26"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/filterheader.cpp" line="28"/>
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
        <location filename="../core/engine/localconnection.cpp" line="41"/>
        <source>The database is not open. Open it again and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/localconnection.cpp" line="231"/>
        <source>Reading the schema was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="39"/>
        <location filename="../widgets/mainwindow.cpp" line="246"/>
        <source>DoSQL Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="43"/>
        <source>&lt;h2&gt;DoSQL Studio&lt;/h2&gt;&lt;p&gt;Open a SQLite database with &lt;b&gt;File › Open&lt;/b&gt;, drop a file here, or try &lt;b&gt;File › Open Demo Database&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="56"/>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="102"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="103"/>
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
        <location filename="../widgets/mainwindow.cpp" line="111"/>
        <source>&amp;Close Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="113"/>
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
        <location filename="../widgets/mainwindow.cpp" line="122"/>
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
        <location filename="../widgets/mainwindow.cpp" line="131"/>
        <source>About DoSQL Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="132"/>
        <source>&lt;h3&gt;DoSQL Studio %1&lt;/h3&gt;&lt;p&gt;Browse, query and watch DoSQL and SQLite databases.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and SQLite.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="152"/>
        <source>Open Database Read-Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="152"/>
        <source>Open Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="154"/>
        <source>SQLite databases (*.db *.sqlite *.sqlite3 *.db3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="182"/>
        <source>Building the demo database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="188"/>
        <source>Demo database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="188"/>
        <source>The demo database could not be built: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="251"/>
        <source>Could not open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="252"/>
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
    <name>SchemaBrowser</name>
    <message>
        <location filename="../widgets/schemabrowser.cpp" line="22"/>
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
        <location filename="../models/schematreemodel.cpp" line="50"/>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="81"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="132"/>
        <source>Could not read the schema: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="140"/>
        <source>Tables (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="144"/>
        <source>Views (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="158"/>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="161"/>
        <source> — opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="164"/>
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
        <location filename="../core/engine/sqlitedb.cpp" line="101"/>
        <source>There is no SQL statement to run.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableDataModel</name>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="53"/>
        <source>BLOB %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="149"/>
        <source>Primary key (position %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="151"/>
        <source>NOT NULL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="153"/>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="155"/>
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
        <location filename="../widgets/tabletab.cpp" line="123"/>
        <source>%1 matching rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/tabletab.cpp" line="124"/>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/tabletab.cpp" line="126"/>
        <source>%1+ rows, counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/tabletab.cpp" line="143"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="21"/>
        <source>Browse, query and watch DoSQL and SQLite databases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="25"/>
        <source>Open the bundled demo database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="27"/>
        <source>Open the given files read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="29"/>
        <source>Open this table once the database is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="33"/>
        <source>SQLite database files to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
