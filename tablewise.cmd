@echo off
rem Tablewise launcher for Windows. Builds the application once (and again whenever the sources or the pom are
rem newer than the build), then starts the studio (no arguments, or a .flow file) or runs a command, e.g.
rem   tablewise run projects-sample\customer-churn\customer-churn.flow
rem Needs a JDK 17+ and Maven on the PATH. Extra JVM options: TABLEWISE_JAVA_OPTS.
setlocal
set "HERE=%~dp0"
for /f "usebackq delims=" %%v in (`powershell -NoProfile -Command "([xml](Get-Content '%HERE%pom.xml')).project.version"`) do set "VERSION=%%v"
set "JAR=%HERE%target\tablewise-%VERSION%.jar"
set "STALE=0"
if not exist "%JAR%" set "STALE=1"
if not exist "%HERE%target\lib" set "STALE=1"
if "%STALE%"=="0" (
  for /f "usebackq delims=" %%s in (`powershell -NoProfile -Command "$j=(Get-Item '%JAR%').LastWriteTime; if ((Get-ChildItem -Recurse '%HERE%src\main','%HERE%pom.xml' | Where-Object { $_.LastWriteTime -gt $j }).Count -gt 0) { '1' } else { '0' }"`) do set "STALE=%%s"
)
if "%STALE%"=="1" (
  echo Building Tablewise ^(first run or sources changed; takes a minute^)... 1>&2
  pushd "%HERE%"
  call mvn -q -B -Dstyle.color=never -DskipTests package 1>&2
  if errorlevel 1 (
    popd
    echo error: the build failed; run "mvn -DskipTests package" in %HERE% to see why 1>&2
    exit /b 2
  )
  popd
)
rem XGBoost's OpenMP threads spin against the JVM's on small machines unless they wait passively.
set "OMP_WAIT_POLICY=PASSIVE"
rem Headless commands are batch work: the parallel collector imports ~35%% faster than G1 (bench\README.md).
rem The studio (no arguments, or a .flow file) keeps G1 for short pauses.
set "GC="
set "FIRST=%~1"
rem The endpoint (serve) keeps G1 too: its short collections keep the 99th percentile of answers in milliseconds.
if not "%FIRST%"=="" if /i not "%~x1"==".flow" if /i not "%FIRST%"=="serve" set "GC=-XX:+UseParallelGC"
java -XX:MaxRAMPercentage=60 %GC% -Dfile.encoding=UTF-8 %TABLEWISE_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
