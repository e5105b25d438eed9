<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * French strings.
 *
 * @package    shophandlers_std_setuponecoursesession
 * @copyright  2026 shop_setup contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$string['beneficiary'] = 'Bénéficiaire';
$string['coursename'] = 'Cours';
$string['erroraddmember'] = 'L\'utilisateur {$a->userid} n\'a pas pu être ajouté au groupe {$a->groupid} : Moodle refuse les membres qui ne sont pas inscrits au cours ou dont le compte est supprimé.';
$string['errorapplyfailed'] = 'Une erreur technique a interrompu la mise en place ; toutes les modifications ont été annulées. Le service commercial dispose du détail.';
$string['errorbusy'] = 'Une autre production (de cette commande ou d\'une autre) est en cours ; la tâche sera relancée.';
$string['errorcoursenotenrollable'] = 'Le cours {$a} n\'a pas de méthode d\'inscription manuelle active.';
$string['errorcoursenotexists'] = 'Le cours {$a} n\'existe pas (coursename doit être le nom abrégé d\'un cours).';
$string['errorfieldtoolong'] = '{$a->field} dépasse les {$a->max} caractères que Moodle peut enregistrer : raccourcissez-le.';
$string['errorgroupidnumbertaken'] = 'Le groupe {$a->groupid} du cours a le numéro d\'identification « {$a->idnumber} », que Moodle confond avec celui de cette commande, « {$a->txid} » (il compare les numéros d\'identification sans rigueur : « 42 » et « 00042 » sont le même) : le groupe de la commande ne peut pas être créé. Modifiez le numéro d\'identification de ce groupe, puis relancez la production de la commande.';
$string['errormanualdisabled'] = 'Le plugin d\'inscription manuelle est désactivé sur ce site : les inscriptions faites par ce produit ne donneraient aucun accès. Activez-le dans Administration du site > Plugins > Inscriptions > Gestion des plugins d\'inscription.';
$string['errornoextension'] = 'L\'extension PHP shop_setup n\'est pas chargée : ce gestionnaire ne peut mettre en place aucune session. Ajoutez la ligne {$a} au php.ini du serveur web et de la ligne de commande (cron), puis redémarrez PHP.';
$string['errornotarget'] = 'Le paramètre coursename manque : indiquez le nom abrégé du cours de la session.';
$string['erroroperatoraccount'] = 'Le compte Moodle de l\'acheteur (utilisateur {$a}) n\'existe pas, est supprimé ou suspendu, ou ne peut pas se connecter : la session ne peut pas lui être rattachée. Rétablissez le compte ou rattachez le client à un compte actif, puis relancez la production de la commande.';
$string['errorrolenotexists'] = 'Le rôle {$a} n\'existe pas sur ce site.';
$string['errorusernametaken'] = 'Moodle contient déjà des comptes dont il confond les identifiants avec ceux des nouveaux comptes : {$a} (l\'identifiant existant, puis celui qu\'il faudrait ; sa base compare les identifiants sans tenir compte des accents ni de la casse). Renommez ces comptes, puis relancez la production de la commande.';
$string['fb_busy_private'] = '<p>Votre commande {$a->txid} est en cours de mise en place par un autre traitement. Son résultat sera ajouté à votre commande.</p>';
$string['fb_busy_public'] = '<p>Votre commande {$a->txid} est en cours de mise en place par un autre traitement. Rechargez cette page dans une minute.</p>';
$string['fb_busy_sales'] = '<p><b>TXID : {$a->txid}</b></p><p>Production non effectuée : un autre traitement de cette commande détenait son verrou. Ce passage n\'a rien écrit.</p>';
$string['fb_deferred_private'] = '<p>Votre commande {$a->txid} sera mise en place dans quelques minutes, dès que se terminera la mise en place d\'une autre commande en cours. Son résultat sera ajouté à votre commande.</p>';
$string['fb_deferred_public'] = '<p>Votre commande {$a->txid} sera mise en place dans quelques minutes, dès que se terminera la mise en place d\'une autre commande en cours.</p>';
$string['fb_deferred_sales'] = '<p><b>TXID : {$a->txid}</b></p><p>Production différée : une autre commande était en cours de production (les productions passent une à une, pour que deux commandes ne créent jamais deux comptes pour une même personne). Ce passage n\'a rien écrit ; la tâche adhoc vérifiera et appliquera la commande, et ajoutera son résultat à la facture.</p>';
$string['fb_exception'] = 'Erreur levée pendant la production (toute modification a été annulée) : {$a}';
$string['fb_failure_private'] = '<p><b>Votre session de formation n\'a pas pu être mise en place.</b> Rien n\'a été modifié. Corrigez les points ci-dessous et contactez-nous en rappelant votre référence de commande {$a->txid}.</p>';
$string['fb_failure_public'] = '<p><b>Votre session de formation n\'a pas pu être mise en place.</b> Rien n\'a été modifié. Corrigez les points ci-dessous et contactez-nous en rappelant votre référence de commande {$a->txid}.</p>';
$string['fb_failure_sales'] = '<p><b>TXID : {$a->txid}</b></p><p><b>ÉCHEC de la production</b> pour le cours {$a->coursename} : {$a->errors} erreur(s), rien n\'a été écrit. Places achetées : {$a->seats} ; participants déclarés : {$a->participants}.</p>';
$string['fb_heading_errors'] = 'À corriger :';
$string['fb_heading_warnings'] = 'Avertissements :';
$string['fb_issue_customer'] = '{$a->who} : {$a->message}';
$string['fb_issue_sales'] = '[{$a->code}] {$a->who} : {$a->message}';
$string['fb_nothingtodo_private'] = '<p>Votre session de formation dans le cours {$a->coursename} (commande {$a->txid}) était déjà en place ; rien n\'a eu à changer.</p>';
$string['fb_nothingtodo_public'] = '<p>Votre session de formation dans le cours {$a->coursename} est déjà en place.</p>';
$string['fb_nothingtodo_sales'] = '<p><b>TXID : {$a->txid}</b></p><p>Production relancée sur une commande déjà en place dans le cours {$a->coursename} : rien à faire, rien n\'a été écrit.</p>';
$string['fb_participant_created'] = '{$a->name} ({$a->email}), {$a->role} : nouveau compte {$a->username} ; les informations de connexion sont envoyées par courriel';
$string['fb_participant_existing'] = '{$a->name} ({$a->email}), {$a->role} : compte existant {$a->username}';
$string['fb_participants'] = 'Participants :';
$string['fb_queued_private'] = '<p>Votre commande {$a->txid} pour {$a->participants} participants a été vérifiée. Les comptes et inscriptions dans le cours {$a->coursename} sont créés en arrière-plan ; chaque nouveau participant recevra un courriel avec ses informations de connexion.</p>';
$string['fb_queued_public'] = '<p>Votre commande pour {$a->participants} participants a été vérifiée. La session de formation dans le cours {$a->coursename} est mise en place en arrière-plan.</p>';
$string['fb_queued_sales'] = '<p><b>TXID : {$a->txid}</b></p><p>Commande vérifiée ({$a->participants} participants, {$a->seats} places, {$a->created} comptes à créer, {$a->operations} opérations) et confiée à la tâche adhoc ; son résultat sera ajouté à la facture.</p>';
$string['fb_success_private'] = '<p>Votre session de formation est prête dans le cours {$a->coursename} : {$a->enrolments} inscription(s), groupe « {$a->groupname} ». Les nouveaux participants reçoivent leurs informations de connexion par courriel et choisissent leur mot de passe à la première connexion.</p>';
$string['fb_success_public'] = '<p>Votre session de formation est prête dans le cours {$a->coursename} : {$a->enrolments} inscription(s), groupe « {$a->groupname} ».</p>';
$string['fb_success_sales'] = '<p><b>TXID : {$a->txid}</b></p><p>Session mise en place dans le cours {$a->coursename}, groupe « {$a->groupname} » (numéro d\'identification {$a->txid}). Comptes créés : {$a->created} ; comptes existants : {$a->reused} ; inscriptions : {$a->enrolments} ; places non attribuées : {$a->unassigned} ; opérations appliquées : {$a->operations}.</p>';
$string['fb_wholeorder'] = 'Commande';
$string['handlername'] = 'Mise en place d\'une session de formation (shop_setup)';
$string['pluginname'] = 'Mise en place d\'une session de formation (shop_setup)';
$string['prepaykeptaccount'] = '<p><b>TXID : {$a->txid}</b></p><p>La commande est traitée par un administrateur des ventes : le compte Moodle du client (id {$a->userid}) reste l\'acheteur de ses sessions. Sans cela, local_shop aurait fait de votre compte celui du client.</p>';
$string['prepaynoaccount'] = '<p><b>TXID : {$a->txid}</b></p><p>Le client n\'a pas encore de compte Moodle, et la commande est traitée par un administrateur des ventes : elle n\'a pas été rattachée à votre compte. Rattachez la fiche client au compte de l\'acheteur (ou laissez l\'acheteur se connecter et confirmer la commande) avant le paiement, sans quoi ses sessions ne pourront pas être mises en place.</p>';
$string['privacy:metadata'] = 'Le gestionnaire ne stocke aucune donnée personnelle propre : les comptes, inscriptions, groupes et rôles qu\'il crée sont des données du cœur de Moodle, les produits appartiennent à local_shop, et une commande volumineuse n\'attend dans la file des tâches adhoc que jusqu\'à son application.';
$string['rolelearner'] = 'apprenant';
$string['rolesupervisor'] = 'superviseur';
$string['roletutor'] = 'tuteur';
$string['seatrole'] = 'Place';
$string['taskapplysession'] = 'Mettre en place une session de formation vendue par la boutique (shop_setup)';
$string['utissue'] = 'Paramètres du gestionnaire : {$a->message} ({$a->code})';
$string['utissuekey'] = 'Paramètre {$a->key} du gestionnaire : {$a->message} ({$a->code})';
$string['warningcustomerrolemissing'] = 'Le paramètre customerrole n\'est pas défini et ce site n\'a pas de rôle customer (le rôle client de local_shop) : dans l\'espace client l\'acheteur n\'aura que le rôle supportrole. Donnez à customerrole un autre rôle, ou laissez-le vide (customerrole=) pour aucun.';
$string['warningrolenotuserlevel'] = 'Le rôle {$a->role} ({$a->key}) est attribué dans le contexte des utilisateurs, où il n\'est pas autorisé (Définition des rôles > types de contexte) : les attributions fonctionnent, mais les pages de Moodle ne les affichent pas. Autorisez le contexte utilisateur pour ce rôle ou indiquez un rôle prévu pour cela, comme courseowner de block_user_delegation.';
$string['warningsupervisordefaultstoteacher'] = 'Le paramètre supervisor n\'est pas défini : le rôle teacher (enseignant non éditeur) est utilisé.';
