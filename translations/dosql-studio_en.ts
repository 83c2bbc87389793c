<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActivityIndicator</name>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="26"/>
        <source>Cancel the running request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="64"/>
        <source>No database open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="73"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="76"/>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="79"/>
        <source>Open, read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="79"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="82"/>
        <source>Connection lost, reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="89"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/activityindicator.cpp" line="102"/>
        <source>%1 (+%2 more)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CellPresentation</name>
    <message>
        <location filename="../models/cellpresentation.cpp" line="29"/>
        <source>BLOB %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cellpresentation.cpp" line="65"/>
        <source> local)</source>
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
    <name>ChangeFeed</name>
    <message>
        <location filename="../server/changefeed.cpp" line="49"/>
        <source>LSN %1 is outside the change log, which holds %2 to %3. Subscribe from the current LSN and reload the data you show.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeWatcher</name>
    <message>
        <location filename="../core/net/changewatcher.cpp" line="116"/>
        <source>Changes after LSN %1 are no longer kept by the server (its oldest is %2): the changes in between were missed. Following on from the server&apos;s current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/changewatcher.cpp" line="277"/>
        <source>The server refused the token for the change stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/changewatcher.cpp" line="291"/>
        <source>This server has no change stream; name the tables to watch, and they will be polled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientWebSocket</name>
    <message>
        <location filename="../core/net/clientwebsocket.cpp" line="19"/>
        <source>The server did not complete the WebSocket handshake in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/clientwebsocket.cpp" line="91"/>
        <source>The server&apos;s answer to the WebSocket upgrade is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/clientwebsocket.cpp" line="121"/>
        <source>The server refused the WebSocket upgrade (HTTP status %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/clientwebsocket.cpp" line="122"/>
        <source>The server did not answer the WebSocket upgrade with HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/clientwebsocket.cpp" line="128"/>
        <source>The server&apos;s answer to the WebSocket upgrade is not a valid one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="42"/>
        <source>Send the token in the address (?token=) instead of a header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="46"/>
        <source>Read-only: refuse statements that change data or schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="48"/>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="50"/>
        <source>Connect to a DoSQL Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="53"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="54"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="56"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="59"/>
        <source>From the Environment (DOSQL_URL, DOSQL_TOKEN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="66"/>
        <source>From a .env File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="77"/>
        <source>taken from the address when it ends in /db/NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="79"/>
        <location filename="../widgets/connectiondialog.cpp" line="213"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="81"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="82"/>
        <source>Show or hide the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="90"/>
        <source>the system&apos;s certificate authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="91"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="94"/>
        <source>CA Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="94"/>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="101"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="102"/>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="103"/>
        <source>Orange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="104"/>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="105"/>
        <source>Blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="106"/>
        <source>Purple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="111"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="112"/>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="113"/>
        <source>Data&amp;base:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="114"/>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="118"/>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="121"/>
        <source>Co&amp;lour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="130"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="131"/>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="209"/>
        <source>reading the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="273"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="274"/>
        <source>Saved. The token is kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="288"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="300"/>
        <source>A DoSQL server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="302"/>
        <source>%1 answered in %2 ms (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="308"/>
        <source>Features: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="321"/>
        <source>DOSQL_URL is not set, so there is nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="323"/>
        <source>Imported %1. Check it, then Save or Connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="328"/>
        <source>Import from .env</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="329"/>
        <source>.env files (.env *.env);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/connectiondialog.cpp" line="334"/>
        <source>%1 could not be read: %2</source>
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
    <name>DosqlServer</name>
    <message>
        <location filename="../server/dosqlserver.cpp" line="89"/>
        <source>Refusing to listen on %1 without a token: anyone who can reach it could read and change every database. Give a token (--token or DOSQL_TOKEN), or bind to 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/dosqlserver.cpp" line="96"/>
        <source>Cannot create the data folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/dosqlserver.cpp" line="100"/>
        <source>Cannot listen on %1:%2: %3. Is another server using the port? Choose another with --port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/dosqlserver.cpp" line="124"/>
        <source>&quot;%1&quot; is not a valid database name (letters, digits, _ . -).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/dosqlserver.cpp" line="131"/>
        <source>There is no database &quot;%1&quot; on this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/dosqlserver.cpp" line="201"/>
        <source>Pages from %1 may not use this server without a token. Start dosqld with --token to let them, or serve the page from this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/dosqlserver.cpp" line="216"/>
        <source>No WebSocket endpoint at %1; connect to /db/&lt;name&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/dosqlserver.cpp" line="196"/>
        <source>A valid token is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/dosqlserver.cpp" line="269"/>
        <source>Nothing at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/dosqlserver.cpp" line="344"/>
        <source>The body must be a JSON object {&quot;sql&quot;: ..., &quot;params&quot;: [...]}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/dosqlserver.cpp" line="383"/>
        <source>Nothing at %1 for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/dosqlserver.cpp" line="435"/>
        <source>from must be a non-negative integer.</source>
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
    <name>FindBar</name>
    <message>
        <location filename="../widgets/findbar.cpp" line="19"/>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="20"/>
        <source>Whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="21"/>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="24"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="26"/>
        <source>Replace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="28"/>
        <source>ECMAScript syntax; \1, \2… in the replacement insert groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="43"/>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="43"/>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="46"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="46"/>
        <source>Next match (Enter, F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="51"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="51"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="53"/>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="53"/>
        <source>Replace this match and go to the next (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="56"/>
        <source>Replace All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="56"/>
        <source>Replace every match (one step to undo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/findbar.cpp" line="251"/>
        <source>%n replaced</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="284"/>
        <source>Not a valid regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="289"/>
        <source>%1+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="296"/>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="297"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="298"/>
        <source>%1 matches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../widgets/historypanel.cpp" line="18"/>
        <source>Search statements and connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/historypanel.cpp" line="21"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/historypanel.cpp" line="21"/>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/historypanel.cpp" line="21"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/historypanel.cpp" line="21"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/historypanel.cpp" line="21"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/historypanel.cpp" line="54"/>
        <source>%n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/historypanel.cpp" line="54"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/historypanel.cpp" line="59"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpTransport</name>
    <message>
        <location filename="../core/net/httptransport.cpp" line="58"/>
        <source>%1 refused the token. Check the token saved for this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/httptransport.cpp" line="62"/>
        <source>%1 has nothing at this address (HTTP 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/httptransport.cpp" line="63"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/httptransport.cpp" line="67"/>
        <source>%1 answered HTTP %2 with something that is not a DoSQL reply: &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/httptransport.cpp" line="83"/>
        <source>Nothing answers at %1. Is the server running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/httptransport.cpp" line="87"/>
        <source>The host %1 was not found. Check the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/httptransport.cpp" line="91"/>
        <source>The secure connection to %1 was refused: %2. If the server uses its own certificate authority, choose its CA file in the connection&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/httptransport.cpp" line="98"/>
        <source>%1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/httptransport.cpp" line="102"/>
        <source>%1 could not be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/httptransport.cpp" line="119"/>
        <source>There is no database &quot;%1&quot; on %2.</source>
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
        <location filename="../widgets/mainwindow.cpp" line="49"/>
        <location filename="../widgets/mainwindow.cpp" line="432"/>
        <source>DoSQL Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="54"/>
        <source>&lt;h2&gt;DoSQL Studio&lt;/h2&gt;&lt;p&gt;Open a SQLite database with &lt;b&gt;File › Open&lt;/b&gt;, drop a file here, or try &lt;b&gt;File › Open Demo Database&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="67"/>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="76"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="134"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="136"/>
        <source>&amp;Open Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="138"/>
        <source>Open Database &amp;Read-Only…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="139"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="142"/>
        <source>Connect to &amp;Server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="144"/>
        <source>Open &amp;Demo Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="147"/>
        <source>&amp;Close Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="149"/>
        <source>New &amp;Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="153"/>
        <source>New Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="153"/>
        <source>Open a database first: the query runs on the one selected in the sidebar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="157"/>
        <source>Open SQL Script…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="160"/>
        <location filename="../widgets/mainwindow.cpp" line="163"/>
        <location filename="../widgets/mainwindow.cpp" line="170"/>
        <source>Open SQL Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="161"/>
        <source>Open a database first: the script opens in a query tab on the one selected in the sidebar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="164"/>
        <source>SQL scripts (*.sql);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="181"/>
        <location filename="../widgets/mainwindow.cpp" line="187"/>
        <source>Save SQL Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="182"/>
        <source>SQL scripts (*.sql)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="191"/>
        <source>&amp;Save SQL Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="193"/>
        <source>Save SQL Script &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="195"/>
        <source>Close &amp;Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="199"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="202"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="204"/>
        <source>Query &amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="208"/>
        <source>&amp;Refresh Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="214"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="215"/>
        <source>&amp;About DoSQL Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="217"/>
        <source>About DoSQL Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="218"/>
        <source>&lt;h3&gt;DoSQL Studio %1&lt;/h3&gt;&lt;p&gt;Browse, query and watch DoSQL and SQLite databases.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and SQLite.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="239"/>
        <source>Open Database Read-Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="239"/>
        <source>Open Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="241"/>
        <source>SQLite databases (*.db *.sqlite *.sqlite3 *.db3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="279"/>
        <source>Preparing the demo database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="285"/>
        <source>Demo database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="286"/>
        <source>The demo database could not be built: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="390"/>
        <source>Query %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="437"/>
        <source>Could not open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="438"/>
        <source>%1

Check that the file is a SQLite database and that you may read it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParameterDialog</name>
    <message>
        <location filename="../widgets/parameterdialog.cpp" line="24"/>
        <source>Parameter Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/parameterdialog.cpp" line="36"/>
        <source>42 and 4.2 are numbers, NULL is NULL, x&apos;00ff&apos; is a BLOB; anything else is text (&apos;quotes&apos; optional).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueryExecutor</name>
    <message>
        <location filename="../core/engine/queryexecutor.cpp" line="62"/>
        <source>Only one statement can run per request; split the script into statements.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueryTab</name>
    <message>
        <location filename="../widgets/querytab.cpp" line="47"/>
        <source>Run This Statement?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="55"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="58"/>
        <source>Run the selection, or the statement at the cursor (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="59"/>
        <source>Run Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="62"/>
        <source>Run every statement in the editor (Ctrl+Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="63"/>
        <source>Explain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="65"/>
        <source>Show how SQLite will run the statement at the cursor (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="66"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="69"/>
        <source>Find and Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="72"/>
        <source>Find Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="75"/>
        <source>Find Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="85"/>
        <source>Stop Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="100"/>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="199"/>
        <source>Query plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="210"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="215"/>
        <source>The plan could not be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/querytab.cpp" line="223"/>
        <source>Cancelled; %n statement(s) after it were not run.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="253"/>
        <source>This connection is read-only, so the statement was not sent: it would change the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="260"/>
        <source>Statement %1 not run: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="270"/>
        <source>Statement %1 not run: no parameter values were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="298"/>
        <source>Result %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="315"/>
        <source>%1 rows; the first %2 are shown (export for all of them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/querytab.cpp" line="318"/>
        <source>%n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/querytab.cpp" line="320"/>
        <source>%n row(s) changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="321"/>
        <source>Statement %1: %2 in %3 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="343"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="344"/>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="345"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="346"/>
        <source>SQL INSERT statements (*.sql)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="351"/>
        <source>Export Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="370"/>
        <source>Exporting: %v rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/querytab.cpp" line="386"/>
        <source>Exported %n row(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="411"/>
        <source>%1 could not be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="432"/>
        <source>%1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="435"/>
        <source>%1 is larger than %2 MiB; open it in a text editor instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="467"/>
        <source>Statement %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="475"/>
        <source> (marked in the editor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="478"/>
        <source>Hint: the schema sidebar lists the tables this database has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/querytab.cpp" line="480"/>
        <source>Statement %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/querytab.cpp" line="483"/>
        <source>%n statement(s) after it were not run.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoteConnection</name>
    <message>
        <location filename="../core/net/remoteconnection.cpp" line="105"/>
        <source>%1 is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remoteconnection.cpp" line="125"/>
        <source>This connection is read-only; the statement was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteEndpoint</name>
    <message>
        <location filename="../core/net/remoteendpoint.cpp" line="36"/>
        <source>&quot;%1&quot; is not a server address. Write it like http://localhost:8787.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remoteendpoint.cpp" line="41"/>
        <source>Addresses start with http://, https://, ws:// or wss://, not %1://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remoteendpoint.cpp" line="43"/>
        <source>Put the token in the token field, not in the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remoteendpoint.cpp" line="56"/>
        <source>The address names database &quot;%1&quot; but &quot;%2&quot; was asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remoteendpoint.cpp" line="62"/>
        <source>Say which database to open: add /db/NAME to the address or fill in the database name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remoteendpoint.cpp" line="67"/>
        <source>&quot;%1&quot; is not a database name: use letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remoteendpoint.cpp" line="107"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteSession</name>
    <message>
        <location filename="../core/net/remotesession.cpp" line="133"/>
        <source>%1 refused the WebSocket connection (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../core/net/remotesession.cpp" line="158"/>
        <source>The connection to %1 was lost after %n row(s) of this result had arrived, and the rest of the result went with it. Run the query again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/net/remotesession.cpp" line="49"/>
        <source>The server sent a row value this client cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remotesession.cpp" line="41"/>
        <source>The server&apos;s reply is not valid JSON. Check that the address points at a DoSQL server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remotesession.cpp" line="261"/>
        <location filename="../core/net/remotesession.cpp" line="466"/>
        <location filename="../core/net/remotesession.cpp" line="498"/>
        <location filename="../core/net/remotesession.cpp" line="534"/>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remotesession.cpp" line="296"/>
        <source>This server speaks HTTP only and commits every statement on its own: it has no transactions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remotesession.cpp" line="305"/>
        <source>A transaction is already open; COMMIT or ROLLBACK it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remotesession.cpp" line="316"/>
        <source>There is no open transaction to commit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remotesession.cpp" line="499"/>
        <location filename="../core/net/remotesession.cpp" line="535"/>
        <source>Cancelled here, but this server cannot stop a statement: it may still complete there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remotesession.cpp" line="519"/>
        <source>Cancelled here, but the server cannot stop a statement inside a transaction: it may still complete there, as part of the open transaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/remotesession.cpp" line="522"/>
        <source>Cancelled here, but the server could not stop the statement: it may still complete there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultExport</name>
    <message>
        <location filename="../core/resultexport.cpp" line="164"/>
        <source>The export was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/resultexport.cpp" line="170"/>
        <source>The database is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/resultexport.cpp" line="189"/>
        <source>%1 could not be written: %2. Check the free space and the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/resultexport.cpp" line="223"/>
        <source>%1 could not be saved: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../widgets/resultview.cpp" line="110"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/resultview.cpp" line="111"/>
        <source>Copy as &amp;CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/resultview.cpp" line="112"/>
        <source>Copy as &amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/resultview.cpp" line="113"/>
        <source>Copy as &amp;SQL INSERT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/resultview.cpp" line="117"/>
        <source>&amp;Export Result…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RpcChannel</name>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="163"/>
        <source>The connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="294"/>
        <source>Not connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="352"/>
        <source>%1 sent something that is not a DoSQL reply (it begins &quot;%2&quot;). Check that the address points at a DoSQL server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="377"/>
        <source>The server&apos;s reply has neither a result nor an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="440"/>
        <source>%1 did not answer within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="441"/>
        <source>%1 could not be reached within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="460"/>
        <source>%1 refused the token. Check the token saved for this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="462"/>
        <source>%1 does not allow this token to open the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="497"/>
        <source>The secure connection to %1 was refused: %2. If the server uses its own certificate authority, choose its CA file in the connection&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="504"/>
        <source>Nothing answers at %1. Is the server running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="508"/>
        <source>The host %1 was not found. Check the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="511"/>
        <source>The connection to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="528"/>
        <source>%1 sent a reply larger than %2 MiB; ask for fewer rows at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="531"/>
        <source>%1 closed the connection on a request too large for it (%2). Send less at a time: smaller values, or fewer statements in one batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="533"/>
        <source>close code 1009</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="552"/>
        <source>The connection to %1 closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="553"/>
        <source>%1 closed the connection: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/rpcchannel.cpp" line="579"/>
        <source> A change sent just before may or may not have been applied; check before sending it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RpcCodec</name>
    <message>
        <location filename="../core/protocol/rpccodec.cpp" line="259"/>
        <source>params.sql must be a non-empty string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/rpccodec.cpp" line="267"/>
        <source>params.params must be an array of values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/rpccodec.cpp" line="275"/>
        <source>params.params[%1] is not a value: use null, a number, a string, a boolean, {&quot;$int&quot;:...} or {&quot;$blob&quot;:...}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/rpccodec.cpp" line="287"/>
        <source>params.namedParams must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/rpccodec.cpp" line="295"/>
        <source>namedParams.%1 is not a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/protocol/rpccodec.cpp" line="317"/>
        <source>params.pageSize must be a positive integer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RpcMethods</name>
    <message>
        <location filename="../server/rpcmethods.cpp" line="139"/>
        <source>params.sql must be a non-empty string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/rpcmethods.cpp" line="176"/>
        <source>The method &quot;%1&quot; does not exist on this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/rpcmethods.cpp" line="186"/>
        <source>No prepared statement has this hash; prepare it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/rpcmethods.cpp" line="205"/>
        <source>params.statements must be a non-empty array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/rpcmethods.cpp" line="305"/>
        <location filename="../server/rpcmethods.cpp" line="402"/>
        <source>params.transactionId must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/rpcmethods.cpp" line="449"/>
        <source>params.tableName must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RpcSession</name>
    <message>
        <location filename="../server/rpcsession.cpp" line="100"/>
        <source>The frame is %1 bytes; this server accepts at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/rpcsession.cpp" line="118"/>
        <source>The frame is not a JSON object: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/rpcsession.cpp" line="130"/>
        <source>A request needs a string id, a string method and object params.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/rpcsession.cpp" line="325"/>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/rpcsession.cpp" line="352"/>
        <source>Unknown operation &quot;%1&quot;: use INSERT, UPDATE, DELETE or DDL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/rpcsession.cpp" line="367"/>
        <source>fromLSN must be a non-negative integer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/rpcsession.cpp" line="421"/>
        <source>The subscriber fell too far behind; subscribe again from lastLSN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/rpcsession.cpp" line="435"/>
        <source>There is no subscription &quot;%1&quot; on this connection.</source>
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
        <location filename="../core/dbrequest.cpp" line="73"/>
        <source>Reading schema</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaTreeModel</name>
    <message>
        <location filename="../models/schematreemodel.cpp" line="52"/>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="85"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="139"/>
        <source>Could not read the schema: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="147"/>
        <source>Tables (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="151"/>
        <source>Views (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="165"/>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="168"/>
        <source> — opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/schematreemodel.cpp" line="171"/>
        <source> — failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServedCursors</name>
    <message>
        <location filename="../server/servedcursors.cpp" line="67"/>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/servedcursors.cpp" line="103"/>
        <source>pageSize pages reads only; run writes without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/servedcursors.cpp" line="129"/>
        <source>There is no open cursor &quot;%1&quot;; it ended, was closed, or sat idle too long. Run the query again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServedDatabase</name>
    <message>
        <location filename="../server/servedatabase.cpp" line="151"/>
        <location filename="../server/servedatabase.cpp" line="322"/>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/servedatabase.cpp" line="159"/>
        <source>pageSize pages reads only; run writes without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/servedatabase.cpp" line="343"/>
        <source>The write was rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServedTransactions</name>
    <message>
        <location filename="../server/servedtransactions.cpp" line="51"/>
        <source>The transaction was rolled back after being idle past its timeout. Start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/servedtransactions.cpp" line="53"/>
        <source>The transaction was aborted (%1). Start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/servedtransactions.cpp" line="57"/>
        <source>There is no transaction &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/servedtransactions.cpp" line="154"/>
        <source>The transaction has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/servedtransactions.cpp" line="163"/>
        <source>This transaction is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/servedtransactions.cpp" line="200"/>
        <source> — the transaction was rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerInfo</name>
    <message>
        <location filename="../core/net/serverinfo.cpp" line="18"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/serverinfo.cpp" line="20"/>
        <source>full contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/serverinfo.cpp" line="22"/>
        <source>sql.do WebSocket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/serverinfo.cpp" line="24"/>
        <source>HTTP compatibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/serverinfo.cpp" line="37"/>
        <source>paged results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/serverinfo.cpp" line="39"/>
        <source>cancelling a running statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/serverinfo.cpp" line="41"/>
        <source>live changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/serverinfo.cpp" line="42"/>
        <source>Everything: queries, transactions, paged results, cancel and live changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/serverinfo.cpp" line="44"/>
        <source>Queries and transactions; this server lacks %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/serverinfo.cpp" line="48"/>
        <source>Queries and transactions. Large results arrive whole, cancelling abandons the request without stopping it, and changes are found by polling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/serverinfo.cpp" line="51"/>
        <source>Queries and single-statement writes, each committed at once, with parameters written into the SQL as literals. No transactions or cancel; changes are found by polling.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message numerus="yes">
        <location filename="../app/shell/shell.cpp" line="126"/>
        <source>%n row(s) changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/shell/shell.cpp" line="174"/>
        <source>(%n row(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/shell/shell.cpp" line="219"/>
        <source>There is no table or view &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/shell.cpp" line="271"/>
        <source>--watch follows a server&apos;s change stream; give a server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/shell.cpp" line="280"/>
        <source>--from takes an LSN, a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqlInliner</name>
    <message>
        <location filename="../core/sqlinliner.cpp" line="73"/>
        <source>No value was given for parameter %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqlScript</name>
    <message>
        <location filename="../core/sqlscript.cpp" line="128"/>
        <source>It drops %1 %2, with everything in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sqlscript.cpp" line="132"/>
        <source>It deletes every row of the table: it has no WHERE clause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sqlscript.cpp" line="133"/>
        <source>It changes every row of the table: it has no WHERE clause.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqliteDb</name>
    <message>
        <location filename="../core/engine/sqlitedb.cpp" line="36"/>
        <location filename="../core/engine/sqlitedb.cpp" line="48"/>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/sqlitedb.cpp" line="115"/>
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
        <location filename="../core/engine/statementrunner.cpp" line="66"/>
        <source>Only one statement can run per request; use batch for several.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableDataModel</name>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="108"/>
        <source>Primary key (position %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="110"/>
        <source>NOT NULL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="112"/>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/tabledatamodel.cpp" line="114"/>
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
    <name>TokenStore</name>
    <message>
        <location filename="../widgets/tokenstore.cpp" line="23"/>
        <source>The keychain could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/tokenstore.cpp" line="47"/>
        <source>The keychain could not store the token: %1. It was not saved anywhere else.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebSocketFrameReader</name>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="111"/>
        <source>A frame set reserved bits, but no extension was agreed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="114"/>
        <source>A client&apos;s frames must be masked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="115"/>
        <source>A server&apos;s frames must not be masked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="128"/>
        <source>A frame&apos;s length has its top bit set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="134"/>
        <source>Unknown control frame %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="137"/>
        <source>A control frame must be whole and at most 125 bytes long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="140"/>
        <source>Unknown data frame %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="144"/>
        <source>A new message began before the last one ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="145"/>
        <source>A continuation frame came without a message to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="148"/>
        <source>A message is larger than this server accepts (%1 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="173"/>
        <source>A close frame&apos;s code is cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="176"/>
        <source>A close frame carried code %1, which is not sent on the wire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="180"/>
        <source>A close frame&apos;s reason is not UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/net/websocketframes.cpp" line="204"/>
        <source>A text message is not UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebSocketUpgrade</name>
    <message>
        <location filename="../server/websocketupgrade.cpp" line="13"/>
        <source>A WebSocket is opened with GET.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/websocketupgrade.cpp" line="17"/>
        <source>This server speaks WebSocket version 13 only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../server/websocketupgrade.cpp" line="23"/>
        <source>The WebSocket upgrade has no valid Sec-WebSocket-Key.</source>
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
        <source>Serve the HTTP API only and refuse WebSockets, like the deployed DoSQL worker (to try HTTP compatibility mode).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="89"/>
        <source>Largest request accepted (default 16 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="93"/>
        <source>Change-log entries kept per database (default 1000000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="98"/>
        <source>Change-log entries kept at most this long (default 168).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="103"/>
        <source>Events a change subscriber may lag before BUFFER_OVERFLOW (default 10000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="108"/>
        <source>Create (or reuse) the demo database &quot;demo&quot; in the data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dosqld/main.cpp" line="112"/>
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
        <source>The database to open on a server given without /db/NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="42"/>
        <source>SQLite files, or DoSQL server addresses such as http://localhost:8787/db/app (the token comes from DOSQL_TOKEN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="34"/>
        <source>Run SQL against a DoSQL server or a SQLite file, list and describe its tables, or watch its changes.

Exit codes: 0 done, 1 a statement failed, 2 wrong usage, 3 could not connect or open, 4 the token was refused, 130 interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="41"/>
        <source>Run SQL (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="44"/>
        <source>Print rows as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="46"/>
        <source>Print rows as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="49"/>
        <source>Print rows as an aligned table (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="51"/>
        <source>List tables and views.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="54"/>
        <source>Print a table&apos;s definition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="58"/>
        <source>Print the changes to these tables as JSON lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="62"/>
        <source>With --watch: start after this LSN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="66"/>
        <source>The database, for a server address without /db/NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="70"/>
        <source>The environment variable holding the token (default DOSQL_TOKEN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="75"/>
        <source>Also trust the CA certificates in this PEM file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="79"/>
        <source>Refuse statements that change the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="83"/>
        <source>A server address such as http://localhost:8787/db/app, or a SQLite file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="93"/>
        <source>Try dosql-shell --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="97"/>
        <source>Give one server address or file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="101"/>
        <source>Say what to do: one of -c SQL, --tables, --schema TABLE or --watch TABLES.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="104"/>
        <source>Choose one of --json, --csv, --table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="120"/>
        <source>There is no file %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
