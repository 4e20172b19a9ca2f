/** Entry of dashboard.js: mounts the dashboard into the shell's #app. */
import { render } from 'preact'
import { App } from './App.js'
import './dashboard.css'

const root = document.getElementById('app')
if (root) render(<App />, root)
